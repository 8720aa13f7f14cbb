#include "lint/sdl_runtime.hpp"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

namespace keiji::lint {

SdlRuntime::SdlRuntime() {
    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        m_failure = SDL_GetError();
    }
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
}

SdlRuntime::~SdlRuntime() {
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
}

}  // namespace keiji::lint
