#pragma once

#include <expected>
#include <string>

#include "render/geometry.hpp"
#include "render/sdl_handles.hpp"

namespace keiji::render {

enum class WindowMode { windowed, fullscreen };

// One layer drawn over the previous ones when a frame is composed.
struct Layer {
    SDL_Texture* texture = nullptr;
    Rect where{};
    std::uint8_t alpha = 255;
};

// Where frames go: a window on a display, or an off-screen surface for headless runs. Both use
// the same SDL renderer API, so headless PNGs are exactly what a screen would show.
class Screen {
public:
    [[nodiscard]] static std::expected<Screen, std::string> open_window(int width, int height,
                                                                        WindowMode mode);
    [[nodiscard]] static std::expected<Screen, std::string> open_headless(int width, int height);

    [[nodiscard]] Frame frame() const { return m_frame; }
    [[nodiscard]] SDL_Renderer* renderer() const { return m_renderer.get(); }
    [[nodiscard]] bool is_headless() const { return m_surface != nullptr; }

    // A texture the size of `area` that slides and the header are painted into once, then
    // composed for every frame that shows them.
    [[nodiscard]] TextureHandle make_layer(int width, int height) const;
    // Directs drawing into `layer` (nullptr: the screen itself).
    void target(SDL_Texture* layer) const;

    // Draws the layers in order and shows the result.
    void present(std::initializer_list<Layer> layers) const;

    // Writes what was last presented as a PNG file.
    [[nodiscard]] std::expected<void, std::string> save_png(const std::string& path) const;

private:
    Screen() = default;

    WindowHandle m_window;
    SurfaceHandle m_surface;
    RendererHandle m_renderer;
    Frame m_frame;
};

}  // namespace keiji::render
