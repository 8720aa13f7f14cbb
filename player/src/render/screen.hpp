#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "render/frame_damage.hpp"
#include "render/geometry.hpp"
#include "render/sdl_handles.hpp"

namespace keiji::render {

enum class WindowMode { windowed, fullscreen };

// How far the picture is turned clockwise on the panel. A portrait screen is a landscape panel
// mounted on its side: with 90 or 270 the templates lay out at the panel's size turned (1080×1920
// on a 1920×1080 panel), and the composed picture is turned onto the panel when presented.
enum class Rotation { none = 0, clockwise_90 = 90, upside_down = 180, clockwise_270 = 270 };

// 0, 90, 180 or 270; nullopt for anything else.
[[nodiscard]] std::optional<Rotation> rotation_from_degrees(int degrees);

// One layer drawn over the previous ones when a frame is composed.
struct Layer {
    SDL_Texture* texture = nullptr;
    Rect where{};
    std::uint8_t alpha = 255;
};

// Luminance of a small downscaled copy of a frame, row by row.
struct LumaImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> luma;
};

// Where frames go: a window on a display, or an off-screen surface for headless runs. Both use
// the same SDL renderer API, so headless PNGs are exactly what a screen (the panel) would show,
// rotation included.
class Screen {
public:
    [[nodiscard]] static model::Result<Screen> open_window(int width, int height, WindowMode mode,
                                                           Rotation rotation = Rotation::none);
    [[nodiscard]] static model::Result<Screen> open_headless(int width, int height,
                                                             Rotation rotation = Rotation::none);

    // The logical frame the templates lay out in: the panel's size, turned for 90 and 270.
    [[nodiscard]] Frame frame() const { return m_frame; }
    [[nodiscard]] SDL_Renderer* renderer() const { return m_renderer.get(); }
    [[nodiscard]] bool is_headless() const { return m_surface != nullptr; }
    // A window drawn by SDL's software renderer: every frame costs the CPU.
    [[nodiscard]] bool draws_in_software() const;
    [[nodiscard]] Rotation rotation() const { return m_rotation; }

    // A texture that is painted once, then composed for every frame that shows it; it may hold
    // transparent pixels (the ticker's pieces).
    [[nodiscard]] TextureHandle make_layer(int width, int height) const;
    // A layer whose every pixel will be painted opaque (a slide, the header, an alert), at most
    // the frame's size. On a software renderer it has no alpha channel: SDL then fades it with
    // one alpha for the whole layer instead of blending pixel by pixel, about ten times faster.
    // Drawing anything transparent into it leaves black, not see-through. Where the frame is
    // composed in memory we can reach (software renderer, 32-bit XRGB output) it is a texture
    // whose pixels we can read: it is painted on the frame itself and copied in once when
    // painting ends, and a crossfade of two such layers is blended in one pass of our own.
    [[nodiscard]] TextureHandle make_opaque_layer(int width, int height) const;
    // The layer will not be shown before it is painted again in full (a spare slide layer):
    // where its pixels are ours (the software renderer) their memory goes back to the kernel,
    // and comes back as zero pages (black) when it is painted. Other layers are left alone.
    void release_pixels(SDL_Texture* layer) const;
    // The layer's pixels are memory keiji may write to (SDL_LockTexture) and see on the next
    // present: an opaque layer on the software renderer (make_opaque_layer). Such a layer is
    // never painted in part through target(), which paints it whole on the frame.
    [[nodiscard]] bool pixels_are_ours(SDL_Texture* layer) const;
    // `part` of `layer` (in its own pixels) was written outside target(): a film's picture
    // through its pixels. The next present composes that part again, and no more when the layer
    // stays in place.
    void layer_changed(SDL_Texture* layer, Rect part) const {
        m_changed_parts.emplace_back(layer, part);
    }
    // Directs drawing into `layer` (nullptr: the screen itself). Painting a layer ends at the
    // next target() or present(); until then what the screen shows may be painted over.
    void target(SDL_Texture* layer) const;

    // Draws the layers in order (in the logical frame) and shows the result on the panel.
    // The layers must stay alive until the next present() or sample_last_frame(). Where the
    // frame is composed in memory (the software renderer, no rotation) only what changed since
    // the last frame is composed and sent to the display: the layers that moved, faded or were
    // painted (target()) since; nothing at all when none did.
    void present(std::initializer_list<Layer> layers);
    // The next present() composes and shows the whole frame: what the panel showed was lost
    // (the window was exposed or resized).
    void damage_all() { m_whole_frame_due = true; }

    // The last presented frame, composed again from its layers into a `width`×`height`
    // off-screen texture and read back: a fingerprint for the self-check that costs a few
    // thousand pixels, whatever the renderer and however the display swaps its buffers.
    // Call it only right after a present(), while its layers are alive.
    [[nodiscard]] model::Result<LumaImage> sample_last_frame(int width, int height);

    // Turns the picture another way; the frame changes size for 90 and 270, so every layer
    // painted before must be painted again. Forgets the last frame's layers.
    [[nodiscard]] model::Result<void> set_rotation(Rotation rotation);

    // Throws the renderer away and creates a new one on the same window or surface (a software
    // renderer if the accelerated one cannot be created again), the cure for a renderer that
    // presents black or stale frames. Every texture made before must be destroyed first.
    [[nodiscard]] model::Result<void> recreate_renderer();

    // For the self-check's integration test only (KEIJI_TEST_FAULT=black): from now until the
    // renderer is recreated, every frame comes out black, as when a driver loses its textures.
    void simulate_black_output() {
        m_simulate_black = true;
        m_whole_frame_due = true;
    }

    // What was last presented (on the panel), as a picture of its own.
    [[nodiscard]] model::Result<SurfaceHandle> capture() const;
    // Writes what was last presented (on the panel) as a PNG file, atomically.
    [[nodiscard]] model::Result<void> save_png(const std::string& path) const;

private:
    Screen() = default;
    [[nodiscard]] model::Result<void> create_renderer();
    [[nodiscard]] model::Result<void> prepare_rotation();
    [[nodiscard]] bool renders_in_software() const;
    // Composes the part `region` of the last frame's layers (in the logical frame).
    void compose(SDL_Texture* into, double scale_x, double scale_y, const Rect& region);
    // What present() composes: the whole frame, or only what changed where the frame stays in
    // memory between presents (see present()).
    [[nodiscard]] Rect region_to_compose(const std::vector<Layer>& next) const;
    [[nodiscard]] LayerPlacement placement(const Layer& layer, bool repainted,
                                           Rect repainted_part = {}) const;
    // Copies the layer painted on the frame (see make_opaque_layer) into it.
    void finish_painting() const;
    // Where readable layers are painted: the upright frame, the output (nullptr), or a frame of
    // its own when the output no longer has the frame's size.
    [[nodiscard]] SDL_Texture* easel() const;
    // Where frames are composed when no rotation turns them: the window's or the headless
    // surface, in memory; nullptr when the renderer draws elsewhere (a GPU).
    [[nodiscard]] SDL_Surface* output_surface() const;
    // A crossfade of two readable layers, blended straight into the output surface below the
    // rows an opaque band on top (the header) covers anyway. False when the frame is not one
    // (the layers are then composed by SDL).
    [[nodiscard]] bool blend_crossfade(const Rect& region);
    // The last layer that is opaque, at full alpha and covers `region`, if any.
    [[nodiscard]] std::optional<std::size_t> covering_layer(const std::vector<Layer>& layers,
                                                            const Rect& region) const;

    WindowHandle m_window;
    SurfaceHandle m_surface;
    RendererHandle m_renderer;
    Frame m_panel;  // The output's size in pixels.
    Frame m_frame;  // The logical frame (m_panel, turned).
    Rotation m_rotation = Rotation::none;
    // With a rotation, frames are composed upright in here, then turned onto the panel.
    TextureHandle m_upright;
    TextureHandle m_sample_target;
    std::vector<Layer> m_last_layers;
    bool m_simulate_black = false;
    // Opaque layers are readable (see make_opaque_layer) and painted on the frame.
    bool m_readable_layers = false;
    // The readable layer being painted on the frame, copied in by finish_painting().
    mutable SDL_Texture* m_painting = nullptr;
    mutable TextureHandle m_easel;  // Only for a window resized since it opened.
    // Layers painted (target()) since the last present, and the part of the output that
    // readable layers were painted on meanwhile: both must be composed again.
    mutable std::vector<const SDL_Texture*> m_repainted;
    mutable std::vector<std::pair<const SDL_Texture*, Rect>> m_changed_parts;
    mutable Rect m_painted_on_output{};
    bool m_whole_frame_due = true;
};

}  // namespace keiji::render
