// Only what changed is composed and sent to the display: which region that is, and that a
// Screen composes that region and leaves the rest as it was.
#include "render/frame_damage.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "render/screen.hpp"
#include "sdl_fixture.hpp"

using namespace keiji::render;

namespace {

constexpr Frame hd{1920, 1080};
const Rect whole{0, 0, 1920, 1080};
const Rect header_band{0, 0, 1920, 120};
const Rect ticker_band{0, 960, 1920, 60};

// Stand-ins for textures: only their addresses are compared.
const int slide_a = 0;
const int slide_b = 0;
const int header = 0;
const int ticker = 0;

bool same(const Rect& a, const Rect& b) {
    return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

// A still frame as the player composes it: a slide, the header and the ticker.
std::vector<LayerPlacement> still(const void* slide, bool header_repainted = false,
                                  bool ticker_repainted = false) {
    return {LayerPlacement{slide, whole, 255, true, false},
            LayerPlacement{nullptr, {}, 255, false, false},
            LayerPlacement{&header, header_band, 255, true, header_repainted},
            LayerPlacement{&ticker, ticker_band, 255, false, ticker_repainted}};
}

std::vector<LayerPlacement> fading(std::uint8_t alpha) {
    return {LayerPlacement{&slide_a, whole, 255, true, false},
            LayerPlacement{&slide_b, whole, alpha, false, false},
            LayerPlacement{&header, header_band, 255, true, false},
            LayerPlacement{&ticker, ticker_band, 255, false, false}};
}

}  // namespace

TEST_CASE("frame damage: nothing changed, nothing to compose") {
    CHECK(is_empty(changed_region(still(&slide_a), still(&slide_a), hd)));
}

TEST_CASE("frame damage: a clock minute is the header's band only") {
    CHECK(same(changed_region(still(&slide_a), still(&slide_a, true), hd), header_band));
}

TEST_CASE("frame damage: a ticker frame is the ticker's band only") {
    CHECK(same(changed_region(still(&slide_a), still(&slide_a, false, true), hd), ticker_band));
}

TEST_CASE("frame damage: a crossfade frame leaves out the rows the unchanged header covers") {
    const Rect below_header{0, 120, 1920, 960};
    CHECK(same(changed_region(still(&slide_a), fading(20), hd), below_header));
    CHECK(same(changed_region(fading(20), fading(40), hd), below_header));
    // The header repainted during the fade: it is composed again too.
    std::vector<LayerPlacement> with_new_clock = fading(60);
    with_new_clock[2].repainted = true;
    CHECK(same(changed_region(fading(40), with_new_clock, hd), whole));
}

TEST_CASE("frame damage: a new slide in the same place is the whole frame below the header") {
    CHECK(same(changed_region(still(&slide_a), still(&slide_b), hd), Rect{0, 120, 1920, 960}));
}

TEST_CASE("frame damage: a layer that leaves or moves uncovers where it was") {
    std::vector<LayerPlacement> without_ticker = still(&slide_a);
    without_ticker.pop_back();
    CHECK(same(changed_region(still(&slide_a), without_ticker, hd), ticker_band));
    std::vector<LayerPlacement> moved = still(&slide_a);
    moved[3].where.y = 900;
    CHECK(same(changed_region(still(&slide_a), moved, hd), Rect{0, 900, 1920, 120}));
}

TEST_CASE(
    "frame damage: a band that does not span the change, or crosses its middle, cuts nothing") {
    std::vector<LayerPlacement> before{LayerPlacement{&slide_a, whole, 255, true, false},
                                       LayerPlacement{&header, {0, 500, 1920, 80}, 255, true}};
    std::vector<LayerPlacement> after = before;
    after[0].repainted = true;
    CHECK(same(changed_region(before, after, hd), whole));
    before[1].where = Rect{0, 0, 1000, 120};
    after[1].where = before[1].where;
    CHECK(same(changed_region(before, after, hd), whole));
    // An opaque band over the bottom edge cuts from below.
    before[1].where = Rect{0, 1000, 1920, 80};
    after[1].where = before[1].where;
    CHECK(same(changed_region(before, after, hd), Rect{0, 0, 1920, 1000}));
}

TEST_CASE("frame damage: a film's new picture is its place in the slide, and only that") {
    std::vector<LayerPlacement> next = still(&slide_a);
    next[0].repainted = true;
    next[0].repainted_part = Rect{150, 120, 1620, 912};
    CHECK(same(changed_region(still(&slide_a), next, hd), Rect{150, 120, 1620, 912}));
    // Moved, or a new slide: the part says nothing about the rest, the whole place changes.
    next[0].texture = &slide_b;
    CHECK(same(changed_region(still(&slide_a), next, hd), Rect{0, 120, 1920, 960}));
}

TEST_CASE("frame damage: a layer drawn beyond the frame is clipped to it") {
    std::vector<LayerPlacement> after = still(&slide_a);
    after[3].where = Rect{-50, 1040, 2100, 100};
    CHECK(same(changed_region(still(&slide_a), after, hd), Rect{0, 960, 1920, 120}));
}

TEST_CASE("screen: a window gets only what changed, and all of it after damage_all") {
    const keiji::test::DummyVideo video;
    {
        auto screen = Screen::open_window(320, 180, WindowMode::windowed);
        REQUIRE(screen.has_value());
        REQUIRE(screen->draws_in_software());
        const Frame frame = screen->frame();
        SDL_Window* window = keiji::test::DummyVideo::window();
        REQUIRE(window != nullptr);
        const auto fill = [&](SDL_Texture* layer, int height, SDL_Color color) {
            screen->target(layer);
            SDL_SetRenderDrawColor(screen->renderer(), color.r, color.g, color.b, 255);
            const SDL_Rect all{0, 0, frame.width, height};
            SDL_RenderFillRect(screen->renderer(), &all);
            screen->target(nullptr);
        };
        const auto shown_at = [&](int x, int y) {
            const SDL_Surface* shown = SDL_GetWindowSurface(window);
            const auto* row = static_cast<const std::uint8_t*>(shown->pixels) + y * shown->pitch;
            std::uint32_t pixel = 0;
            std::memcpy(&pixel, row + x * 4, 4);
            return pixel & 0xFFFFFFu;
        };
        const TextureHandle slide = screen->make_opaque_layer(frame.width, frame.height);
        const TextureHandle top = screen->make_opaque_layer(frame.width, 20);
        fill(slide.get(), frame.height, SDL_Color{200, 200, 200, 255});
        fill(top.get(), 20, SDL_Color{0, 0, 255, 255});
        const auto present = [&] {
            screen->present({Layer{slide.get(), {0, 0, frame.width, frame.height}, 255},
                             Layer{top.get(), {0, 0, frame.width, 20}, 255}});
        };
        present();
        CHECK(shown_at(5, 5) == 0x0000FFu);
        CHECK(shown_at(100, 100) == 0xC8C8C8u);

        // The slide's pixels change behind the screen's back; only the header is repainted.
        void* pixels = nullptr;
        int pitch = 0;
        REQUIRE(SDL_LockTexture(slide.get(), nullptr, &pixels, &pitch) == 0);
        for (int y = 0; y < frame.height; ++y) {
            auto* row = static_cast<std::uint32_t*>(pixels) + y * (pitch / 4);
            std::fill(row, row + frame.width, 0xFF0000u);
        }
        SDL_UnlockTexture(slide.get());
        fill(top.get(), 20, SDL_Color{0, 255, 0, 255});
        present();
        CHECK(shown_at(5, 5) == 0x00FF00u);
        CHECK(shown_at(100, 100) == 0xC8C8C8u);  // Below the header nothing was composed.

        present();  // Nothing changed: nothing is composed, the frame stays.
        CHECK(shown_at(5, 5) == 0x00FF00u);

        screen->damage_all();
        present();
        CHECK(shown_at(5, 5) == 0x00FF00u);
        CHECK(shown_at(100, 100) == 0xFF0000u);
    }
}
