#include "render/sdl_runtime.hpp"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

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

}  // namespace keiji::render
