#pragma once

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <doctest/doctest.h>

#include <cstdlib>

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

// SDL's dummy video driver for one test case: real windows whose frame buffers are in memory,
// no display needed. The window the case opens first is `window()`.
struct DummyVideo {
    DummyVideo() {
        REQUIRE(::setenv("SDL_VIDEODRIVER", "dummy", 1) == 0);
        REQUIRE(SDL_Init(SDL_INIT_VIDEO) == 0);
    }
    ~DummyVideo() {
        SDL_Quit();
        ::unsetenv("SDL_VIDEODRIVER");
    }
    DummyVideo(const DummyVideo&) = delete;
    DummyVideo& operator=(const DummyVideo&) = delete;
    [[nodiscard]] static SDL_Window* window() { return SDL_GetWindowFromID(1); }
};

}  // namespace keiji::test
