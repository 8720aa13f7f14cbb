#pragma once

#include <cstdint>
#include <string>

namespace keiji::render {

// What SDL should start besides drawing off screen.
enum class SdlVideo { off_screen, display };

// SDL (with its video subsystem when a window is wanted), SDL_ttf and SDL_image, for exactly as
// long as this object lives: `keiji play`, the staff checks and the studio each hold one.
class SdlRuntime {
public:
    explicit SdlRuntime(SdlVideo video = SdlVideo::off_screen);
    ~SdlRuntime();
    SdlRuntime(const SdlRuntime&) = delete;
    SdlRuntime& operator=(const SdlRuntime&) = delete;

    // Empty when SDL started; otherwise SDL's reason.
    [[nodiscard]] const std::string& failure() const { return m_failure; }

private:
    std::string m_failure;
};

// A DRM render node (/dev/dri/renderD*) is there: a GPU that can draw, and decode video.
[[nodiscard]] bool has_render_node();

}  // namespace keiji::render
