#pragma once

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <doctest/doctest.h>

namespace keiji::test {

// SDL, SDL_ttf and SDL_image for one test case that renders off-screen (no video subsystem).
struct SdlFixture {
    SdlFixture() {
        REQUIRE(SDL_Init(0) == 0);
        REQUIRE(TTF_Init() == 0);
        IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    }
    ~SdlFixture() {
        IMG_Quit();
        TTF_Quit();
        SDL_Quit();
    }
    SdlFixture(const SdlFixture&) = delete;
    SdlFixture& operator=(const SdlFixture&) = delete;
};

}  // namespace keiji::test
