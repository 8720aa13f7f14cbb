#include "render/sdl_runtime.hpp"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include <filesystem>

namespace keiji::render {

SdlRuntime::SdlRuntime(SdlVideo video) {
    // Only what is drawn with: no audio, joystick, haptic or game controller, whose start-up
    // probes devices a kiosk does not have.
    const Uint32 subsystems = video == SdlVideo::display ? SDL_INIT_VIDEO : 0;
    if (SDL_Init(subsystems) != 0 || TTF_Init() != 0) {
        m_failure = SDL_GetError();
    }
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
}

SdlRuntime::~SdlRuntime() {
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
}

bool has_render_node() {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/dev/dri", error)) {
        if (entry.path().filename().string().starts_with("renderD")) {
            return true;
        }
    }
    return false;
}

}  // namespace keiji::render
