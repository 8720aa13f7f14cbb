#pragma once

#include <string>

namespace keiji::lint {

// SDL (no video subsystem: everything is drawn off screen), SDL_ttf and SDL_image for exactly
// as long as this object lives.
class SdlRuntime {
public:
    SdlRuntime();
    ~SdlRuntime();
    SdlRuntime(const SdlRuntime&) = delete;
    SdlRuntime& operator=(const SdlRuntime&) = delete;

    // Empty when SDL started; otherwise SDL's reason.
    [[nodiscard]] const std::string& failure() const { return m_failure; }

private:
    std::string m_failure;
};

}  // namespace keiji::lint
