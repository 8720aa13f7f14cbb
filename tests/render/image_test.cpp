// Photos: cover cropping around a focal point, decode-ahead through the ImageCache, QR codes.
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <doctest/doctest.h>

#include <filesystem>

#include "render/canvas.hpp"
#include "render/image_cache.hpp"
#include "render/qr.hpp"
#include "render/screen.hpp"
#include "sdl_fixture.hpp"
#include "test_paths.hpp"

using namespace keiji;

namespace {

using keiji::test::SdlFixture;

// A 200×100 PNG: red on the left half, blue on the right.
std::string write_two_colour_image() {
    const std::string path = test::binary_path("two-colours.png");
    SDL_Surface* image = SDL_CreateRGBSurfaceWithFormat(0, 200, 100, 32, SDL_PIXELFORMAT_ARGB8888);
    const SDL_Rect left{0, 0, 100, 100};
    const SDL_Rect right{100, 0, 100, 100};
    SDL_FillRect(image, &left, SDL_MapRGB(image->format, 255, 0, 0));
    SDL_FillRect(image, &right, SDL_MapRGB(image->format, 0, 0, 255));
    IMG_SavePNG(image, path.c_str());
    SDL_FreeSurface(image);
    return path;
}

SDL_Color pixel(const render::Screen& screen, int x, int y) {
    Uint32 value = 0;
    const SDL_Rect one{x, y, 1, 1};
    SDL_RenderReadPixels(screen.renderer(), &one, SDL_PIXELFORMAT_ARGB8888, &value, 4);
    return SDL_Color{Uint8(value >> 16), Uint8(value >> 8), Uint8(value), 255};
}

}  // namespace

TEST_CASE("image cover: the focal point decides which part of a wide photo stays") {
    SdlFixture sdl;
    const std::string path = write_two_colour_image();
    auto fonts = render::FontSet::create(render::FontSet::debian_default_chain());
    REQUIRE(fonts.has_value());
    auto screen = render::Screen::open_headless(50, 100);
    REQUIRE(screen.has_value());
    render::Canvas canvas(screen->renderer(), *fonts);
    // The 50×100 box takes a 50×100 slice of the 200×100 photo.
    REQUIRE(canvas.draw_image_cover(path, {0, 0, 50, 100}, {.x = 0.1, .y = 0.5}));
    CHECK(pixel(*screen, 25, 50).r == 255);
    REQUIRE(canvas.draw_image_cover(path, {0, 0, 50, 100}, {.x = 0.9, .y = 0.5}));
    CHECK(pixel(*screen, 25, 50).b == 255);
    // The centre (the default) straddles the two halves.
    REQUIRE(canvas.draw_image_cover(path, {0, 0, 50, 100}));
    CHECK(pixel(*screen, 5, 50).r > 200);
    CHECK(pixel(*screen, 45, 50).b > 200);
    CHECK_FALSE(canvas.draw_image_cover(test::binary_path("missing.png"), {0, 0, 50, 100}));
}

TEST_CASE("image cache: a prefetched photo is decoded once and shared, and a missing one is null") {
    SdlFixture sdl;
    const std::string path = write_two_colour_image();
    render::ImageCache cache(2);
    cache.prefetch(path);
    SDL_Surface* first = cache.get(path);
    REQUIRE(first != nullptr);
    CHECK(first->w == 200);
    CHECK(cache.get(path) == first);
    CHECK(cache.get(test::binary_path("missing.png")) == nullptr);
    CHECK(cache.get("") == nullptr);
}

TEST_CASE("image cache: a decode started before the cache is adopted, not done again") {
    SdlFixture sdl;
    const std::string path = write_two_colour_image();
    render::PhotoDecode early = render::decode_in_background(path);
    render::ImageCache cache(2);
    cache.adopt(path, early);
    // The cache hands out the very surface the early decode made.
    REQUIRE(cache.get(path) != nullptr);
    CHECK(cache.get(path) == early.get().get());
    // A decode for a path already cached is not taken over.
    render::ImageCache other(2);
    SDL_Surface* own = other.get(path);
    other.adopt(path, render::decode_in_background(path));
    CHECK(other.get(path) == own);
}

TEST_CASE("qr: a URL becomes a code with its three finder patterns, and too long is refused") {
    const auto code = render::encode_qr("https://www.city.gujo.gifu.jp/");
    REQUIRE(code.has_value());
    CHECK(code->modules >= 21);
    CHECK((code->modules - 17) % 4 == 0);  // Versions are 21, 25, 29, … modules wide.
    const int last = code->modules - 1;
    // The finder patterns' outer corners are dark in three corners, not in the fourth.
    CHECK(code->is_dark(0, 0));
    CHECK(code->is_dark(last, 0));
    CHECK(code->is_dark(0, last));
    CHECK_FALSE(render::encode_qr("").has_value());
    CHECK_FALSE(render::encode_qr(std::string(5000, 'a')).has_value());
}

TEST_CASE("image cache: a photo becomes a texture once, and gives its decoded pixels up") {
    SdlFixture sdl;
    auto screen = render::Screen::open_headless(64, 64);
    REQUIRE(screen.has_value());
    const std::string path = write_two_colour_image();
    render::ImageCache cache(2);
    cache.prefetch(path);
    SDL_Texture* first = cache.texture(path, screen->renderer());
    REQUIRE(first != nullptr);
    int width = 0;
    SDL_QueryTexture(first, nullptr, nullptr, &width, nullptr);
    CHECK(width == 200);
    // The next slide with the same photo copies the same texture: nothing converted again.
    CHECK(cache.texture(path, screen->renderer()) == first);
    CHECK(cache.get(path) == nullptr);  // Held once, as the texture.
    CHECK(cache.texture(test::binary_path("missing.png"), screen->renderer()) == nullptr);
    CHECK(cache.texture("", screen->renderer()) == nullptr);
}

TEST_CASE("image cache: a photo scaled once to its box draws the same pixels as scaled each time") {
    SdlFixture sdl;
    auto fonts = render::FontSet::create(render::FontSet::debian_default_chain());
    REQUIRE(fonts.has_value());
    auto screen = render::Screen::open_headless(400, 300);
    REQUIRE(screen.has_value());
    // A real photo of the bundled content, upscaled into an odd box off the origin.
    const std::string path = test::source_path("playlists/images/gujo.png");
    const render::Rect box{37, 21, 311, 263};
    const auto draw = [&](render::ImageCache* cache) {
        render::Canvas canvas(screen->renderer(), *fonts, cache);
        canvas.fill(render::Rect{0, 0, 400, 300}, render::Color{245, 243, 238});
        REQUIRE(canvas.draw_image_cover(path, box, {.x = 0.3, .y = 0.6}));
        std::vector<Uint32> pixels(400 * 300);
        SDL_RenderReadPixels(screen->renderer(), nullptr, SDL_PIXELFORMAT_ARGB8888, pixels.data(),
                             400 * 4);
        return pixels;
    };
    const std::vector<Uint32> direct = draw(nullptr);
    render::ImageCache cache(2);
    const std::vector<Uint32> first = draw(&cache);
    SDL_Texture* fitted = cache.fitted(path, screen->renderer(), SDL_Rect{0, 0, 1, 1}, 1, 1);
    CHECK(fitted != nullptr);  // Another crop is made anew (the photo is decoded again).
    const std::vector<Uint32> again = draw(&cache);
    CHECK(first == direct);
    CHECK(again == direct);
    CHECK(cache.size(path, screen->renderer()).x == 1200);
}
