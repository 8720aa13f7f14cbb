// The crossfade's own blend: exact enough, the same on every path, and what Screen composes.
#include "render/pixel_blend.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <random>
#include <vector>

#include "render/screen.hpp"
#include "sdl_fixture.hpp"

using namespace keiji::render;

namespace {

// The blend as arithmetic says it, rounded to the nearest level.
int exact(int from, int to, int alpha) {
    return (from * (255 - alpha) + to * alpha + 127) / 255;
}

int channel(std::uint32_t pixel, int shift) {
    return int((pixel >> shift) & 0xFFu);
}

PixelRows rows_of(std::vector<std::uint32_t>& pixels, int width, int height) {
    return PixelRows{reinterpret_cast<std::uint8_t*>(pixels.data()),
                     width * int(sizeof(std::uint32_t)), width, height};
}

}  // namespace

TEST_CASE("pixel blend: within one level of the exact blend, exact at alpha 0 and 255") {
    int worst = 0;
    for (int alpha = 0; alpha <= 255; ++alpha) {
        for (int from = 0; from <= 255; ++from) {
            for (int to = 0; to <= 255; to += 3) {
                // The three channels at once, each with other values, and an alpha byte that
                // must not leak into them.
                const std::uint32_t a = 0x7Fu << 24 | std::uint32_t(from) << 16 |
                                        std::uint32_t(to) << 8 | std::uint32_t(255 - from);
                const std::uint32_t b =
                    std::uint32_t(to) << 16 | std::uint32_t(from) << 8 | std::uint32_t(255 - to);
                const std::uint32_t out = blend_pixel(a, b, std::uint8_t(alpha));
                REQUIRE((out >> 24) == 0xFFu);
                for (const int shift : {16, 8, 0}) {
                    const int expected = exact(channel(a, shift), channel(b, shift), alpha);
                    worst = std::max(worst, std::abs(channel(out, shift) - expected));
                    if (alpha == 0) {
                        REQUIRE(channel(out, shift) == channel(a, shift));
                    } else if (alpha == 255) {
                        REQUIRE(channel(out, shift) == channel(b, shift));
                    }
                }
            }
        }
    }
    CHECK(worst <= 1);
}

TEST_CASE("pixel blend: whole rows give the pixels one at a time give, tail included") {
    // 37 pixels a row: the vector loop's four at a time and a tail of one.
    constexpr int width = 37;
    constexpr int height = 5;
    std::mt19937 random(20261130);
    std::vector<std::uint32_t> from(width * height);
    std::vector<std::uint32_t> to(width * height);
    for (std::size_t i = 0; i < from.size(); ++i) {
        from[i] = std::uint32_t(random());
        to[i] = std::uint32_t(random());
    }
    for (const int alpha : {0, 1, 64, 127, 128, 200, 254, 255}) {
        std::vector<std::uint32_t> into(width * height, 0xDEADBEEFu);
        blend_rows(rows_of(from, width, height), rows_of(to, width, height),
                   rows_of(into, width, height), 1, height, std::uint8_t(alpha));
        CHECK(into[0] == 0xDEADBEEFu);  // Row 0 was left alone.
        for (std::size_t i = width; i < into.size(); ++i) {
            REQUIRE(into[i] == blend_pixel(from[i], to[i], std::uint8_t(alpha)));
        }
    }
}

TEST_CASE("screen: a crossfade frame is the two slides blended, the header over them unchanged") {
    const keiji::test::SdlFixture sdl;
    auto screen = Screen::open_headless(160, 90);
    REQUIRE(screen.has_value());
    const Frame frame = screen->frame();
    const auto paint = [&](SDL_Texture* layer, int width, int height, auto color_at) {
        screen->target(layer);
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; x += 10) {
                const SDL_Color c = color_at(x, y);
                SDL_SetRenderDrawColor(screen->renderer(), c.r, c.g, c.b, 255);
                const SDL_Rect strip{x, y, 10, 1};
                SDL_RenderFillRect(screen->renderer(), &strip);
            }
        }
        screen->target(nullptr);
    };
    const auto outgoing_at = [](int x, int y) {
        return SDL_Color{Uint8(x * 255 / 160), Uint8(y * 2), 30, 255};
    };
    const auto incoming_at = [](int x, int y) {
        return SDL_Color{200, Uint8(255 - y * 2), Uint8(x), 255};
    };
    const TextureHandle outgoing = screen->make_opaque_layer(frame.width, frame.height);
    const TextureHandle incoming = screen->make_opaque_layer(frame.width, frame.height);
    const TextureHandle header = screen->make_opaque_layer(frame.width, 12);
    paint(outgoing.get(), frame.width, frame.height, outgoing_at);
    paint(incoming.get(), frame.width, frame.height, incoming_at);
    paint(header.get(), frame.width, 12, [](int, int) { return SDL_Color{18, 53, 91, 255}; });

    const Rect whole{0, 0, frame.width, frame.height};
    for (const std::uint8_t alpha : {std::uint8_t(0), std::uint8_t(90), std::uint8_t(255)}) {
        screen->present({Layer{outgoing.get(), whole, 255}, Layer{incoming.get(), whole, alpha},
                         Layer{header.get(), {0, 0, frame.width, 12}, 255}});
        auto picture = screen->capture();
        REQUIRE(picture.has_value());
        const auto* pixels = static_cast<const std::uint32_t*>((*picture)->pixels);
        const int stride = (*picture)->pitch / 4;
        for (int y = 0; y < frame.height; ++y) {
            for (int x = 0; x < frame.width; ++x) {
                const std::uint32_t pixel = pixels[y * stride + x];
                const SDL_Color a = outgoing_at(x - x % 10, y);
                const SDL_Color b = incoming_at(x - x % 10, y);
                const SDL_Color expected =
                    y < 12 ? SDL_Color{18, 53, 91, 255}
                           : SDL_Color{Uint8(exact(a.r, b.r, alpha)), Uint8(exact(a.g, b.g, alpha)),
                                       Uint8(exact(a.b, b.b, alpha)), 255};
                INFO("pixel ", x, ",", y, " at alpha ", int(alpha));
                REQUIRE(std::abs(channel(pixel, 16) - expected.r) <= 1);
                REQUIRE(std::abs(channel(pixel, 8) - expected.g) <= 1);
                REQUIRE(std::abs(channel(pixel, 0) - expected.b) <= 1);
            }
        }
    }
}

TEST_CASE("screen: a window resized since it opened still gets whole layers") {
    const keiji::test::DummyVideo video;
    {
        auto screen = Screen::open_window(320, 180, WindowMode::windowed);
        REQUIRE(screen.has_value());
        REQUIRE(screen->draws_in_software());
        const Frame frame = screen->frame();
        SDL_Window* window = keiji::test::DummyVideo::window();
        REQUIRE(window != nullptr);
        // Larger: SDL now scales what is drawn on the window to its new size.
        SDL_SetWindowSize(window, 480, 300);
        REQUIRE(SDL_GetWindowSurface(window)->w == 480);

        const TextureHandle layer = screen->make_opaque_layer(frame.width, frame.height);
        screen->target(layer.get());
        SDL_SetRenderDrawColor(screen->renderer(), 200, 200, 200, 255);
        const SDL_Rect all{0, 0, frame.width, frame.height};
        SDL_RenderFillRect(screen->renderer(), &all);
        screen->target(nullptr);
        screen->present({Layer{layer.get(), {0, 0, frame.width, frame.height}, 255}});

        // The layer holds the whole slide: composed again, every sampled pixel is its grey.
        auto sample = screen->sample_last_frame(32, 18);
        REQUIRE(sample.has_value());
        for (const std::uint8_t luma : sample->luma) {
            REQUIRE(int(luma) == 200);
        }
    }
}

TEST_CASE("screen: a spare layer's pixels go back to the kernel and it paints again as before") {
    const keiji::test::SdlFixture sdl;
    auto screen = Screen::open_headless(640, 360);
    REQUIRE(screen.has_value());
    const Frame frame = screen->frame();
    const TextureHandle layer = screen->make_opaque_layer(frame.width, frame.height);
    const auto fill = [&](Uint8 grey) {
        screen->target(layer.get());
        SDL_SetRenderDrawColor(screen->renderer(), grey, grey, grey, 255);
        const SDL_Rect all{0, 0, frame.width, frame.height};
        SDL_RenderFillRect(screen->renderer(), &all);
        screen->target(nullptr);
    };
    const auto grey_pixels = [&] {
        void* pixels = nullptr;
        int pitch = 0;
        REQUIRE(SDL_LockTexture(layer.get(), nullptr, &pixels, &pitch) == 0);
        std::size_t count = 0;
        for (int y = 0; y < frame.height; ++y) {
            const auto* row = reinterpret_cast<const std::uint32_t*>(
                static_cast<const std::uint8_t*>(pixels) + y * pitch);
            for (int x = 0; x < frame.width; ++x) {
                count += (row[x] & 0xFFFFFFu) == 0x505050u ? 1 : 0;
            }
        }
        SDL_UnlockTexture(layer.get());
        return count;
    };
    const std::size_t all_pixels = std::size_t(frame.width) * std::size_t(frame.height);
    fill(0x50);
    CHECK(grey_pixels() == all_pixels);
    screen->release_pixels(layer.get());
    // The pages were given back: they read as zero now, all but at most a page at each end.
    CHECK(grey_pixels() <= 2 * 4096 / 4);
    fill(0x50);
    CHECK(grey_pixels() == all_pixels);
    screen->present({Layer{layer.get(), {0, 0, frame.width, frame.height}, 255}});
    auto sample = screen->sample_last_frame(16, 9);
    REQUIRE(sample.has_value());
    for (const std::uint8_t luma : sample->luma) {
        REQUIRE(int(luma) == 0x50);
    }
}
