// Display rotation: a portrait screen is a landscape panel on its side. The templates lay out at
// the turned size and the frame is turned onto the panel when presented.
#include <SDL.h>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <memory>

#include "golden.hpp"
#include "model/playlist_parser.hpp"
#include "render/canvas.hpp"
#include "render/screen.hpp"
#include "render/slide_painter.hpp"
#include "sdl_fixture.hpp"
#include "test_paths.hpp"

using namespace keiji;

namespace {

using keiji::test::SdlFixture;

struct SurfaceDeleter {
    void operator()(SDL_Surface* surface) const { SDL_FreeSurface(surface); }
};
using Surface = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

Surface new_surface(int width, int height) {
    return Surface(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
}

Uint32& pixel(SDL_Surface* surface, int x, int y) {
    return reinterpret_cast<Uint32*>(static_cast<Uint8*>(surface->pixels) + y * surface->pitch)[x];
}

// What the panel shows, read back from the screen's renderer.
Surface read_panel(render::Screen& screen, int width, int height) {
    Surface panel = new_surface(width, height);
    REQUIRE(SDL_RenderReadPixels(screen.renderer(), nullptr, SDL_PIXELFORMAT_ARGB8888,
                                 panel->pixels, panel->pitch) == 0);
    return panel;
}

// The panel's picture as a viewer of the mounted screen sees it: turned back by `degrees`.
Surface turn_back(SDL_Surface* panel, int degrees) {
    const bool sideways = degrees == 90 || degrees == 270;
    Surface upright = new_surface(sideways ? panel->h : panel->w, sideways ? panel->w : panel->h);
    for (int y = 0; y < upright->h; ++y) {
        for (int x = 0; x < upright->w; ++x) {
            int px = x;
            int py = y;
            if (degrees == 90) {  // Upright (x, y) went to the panel's (H-1-y, x).
                px = panel->w - 1 - y;
                py = x;
            } else if (degrees == 180) {
                px = panel->w - 1 - x;
                py = panel->h - 1 - y;
            } else if (degrees == 270) {
                px = y;
                py = panel->h - 1 - x;
            }
            pixel(upright.get(), x, y) = pixel(panel, px, py);
        }
    }
    return upright;
}

Surface scaled_down(SDL_Surface* full, int factor) {
    Surface small = new_surface(full->w / factor, full->h / factor);
    REQUIRE(SDL_SoftStretchLinear(full, nullptr, small.get(), nullptr) == 0);
    return small;
}

}  // namespace

TEST_CASE("rotation: only 0, 90, 180 and 270 degrees") {
    CHECK(render::rotation_from_degrees(0) == render::Rotation::none);
    CHECK(render::rotation_from_degrees(90) == render::Rotation::clockwise_90);
    CHECK(render::rotation_from_degrees(180) == render::Rotation::upside_down);
    CHECK(render::rotation_from_degrees(270) == render::Rotation::clockwise_270);
    CHECK_FALSE(render::rotation_from_degrees(45).has_value());
    CHECK_FALSE(render::rotation_from_degrees(-90).has_value());
}

TEST_CASE(
    "rotation: the logical frame is the panel turned, and its top-left corner lands where "
    "the turn takes it") {
    SdlFixture sdl;
    struct Case {
        int degrees;
        int frame_width;
        int frame_height;
        int panel_x;  // Where the logical top-left pixel shows on the 160x90 panel.
        int panel_y;
    };
    for (const Case c : {Case{0, 160, 90, 0, 0}, Case{90, 90, 160, 159, 0},
                         Case{180, 160, 90, 159, 89}, Case{270, 90, 160, 0, 89}}) {
        CAPTURE(c.degrees);
        auto screen =
            render::Screen::open_headless(160, 90, *render::rotation_from_degrees(c.degrees));
        REQUIRE(screen.has_value());
        CHECK(screen->frame().width == c.frame_width);
        CHECK(screen->frame().height == c.frame_height);

        // White, with a red 8x8 block in the logical top-left corner.
        render::TextureHandle layer = screen->make_layer(c.frame_width, c.frame_height);
        screen->target(layer.get());
        SDL_SetRenderDrawColor(screen->renderer(), 255, 255, 255, 255);
        SDL_RenderClear(screen->renderer());
        SDL_SetRenderDrawColor(screen->renderer(), 255, 0, 0, 255);
        const SDL_Rect corner{0, 0, 8, 8};
        SDL_RenderFillRect(screen->renderer(), &corner);
        screen->target(nullptr);
        screen->present({render::Layer{layer.get(), {0, 0, c.frame_width, c.frame_height}}});

        const Surface panel = read_panel(*screen, 160, 90);
        CHECK(pixel(panel.get(), c.panel_x, c.panel_y) == 0xFFFF0000u);
        // The panel is covered edge to edge: no black band from a misplaced turn.
        CHECK(pixel(panel.get(), 159 - c.panel_x, 89 - c.panel_y) == 0xFFFFFFFFu);
        CHECK(pixel(panel.get(), 80, 45) == 0xFFFFFFFFu);
        CHECK(pixel(panel.get(), c.panel_x == 0 ? 159 : 0, c.panel_y) == 0xFFFFFFFFu);
    }
}

TEST_CASE(
    "rotation golden: a portrait promo on a landscape panel is laid out at 1080x1920 and "
    "reads upright once the panel is turned, at 90 and at 270 degrees") {
    SdlFixture sdl;
    auto fonts = render::FontSet::create(render::FontSet::debian_default_chain());
    REQUIRE(fonts.has_value());
    auto playlist = model::parse_playlist_text(R"({"items": [{
        "type": "promo", "id": "gujo",
        "prefecture": "岐阜県", "municipality": "郡上市", "title": "郡上おどりin青山",
        "body": "地縁や歴史的なつながりから、毎年6月に青山で「郡上おどり」が開かれています。東日本大震災の際には郡上市から水の提供を受けました。これまでの交流が、困った時の助け合いにつながっています。",
        "image": "images/gujo.png", "image_focus": {"x": 0.5, "y": 0.35},
        "url": "https://www.city.gujo.gifu.jp/"}]})",
                                               test::source_path("playlists/test.json"));
    REQUIRE(playlist.has_value());
    model::Item item = playlist->items.front();
    auto& promo = std::get<model::PromoContent>(item.content);
    promo.image = test::source_path("playlists/" + promo.image);
    const auto& tokyo = *date::locate_zone("Asia/Tokyo");

    for (const int degrees : {90, 270}) {
        CAPTURE(degrees);
        auto screen =
            render::Screen::open_headless(1920, 1080, *render::rotation_from_degrees(degrees));
        REQUIRE(screen.has_value());
        const render::Frame frame = screen->frame();
        REQUIRE(frame.width == 1080);
        REQUIRE(frame.height == 1920);

        render::TextureHandle layer = screen->make_layer(frame.width, frame.height);
        screen->target(layer.get());
        render::Canvas canvas(screen->renderer(), *fonts);
        const auto report = render::paint_slide(
            canvas, frame, item, render::SlideContext{.language = "ja", .zone = &tokyo},
            render::Theme{});
        // Nothing overflows the portrait layout.
        CHECK_MESSAGE(report.problems.empty(), fmt::format("{}", fmt::join(report.problems, "; ")));
        render::paint_header(canvas, frame, "港区と全国をつなぐコーナー",
                             render::ClockFace{"令和7年11月20日(木)", "10:00"}, render::Theme{});
        screen->target(nullptr);
        screen->present({render::Layer{layer.get(), {0, 0, frame.width, frame.height}}});

        const Surface panel = read_panel(*screen, 1920, 1080);
        if (degrees == 90) {
            const Surface small = scaled_down(panel.get(), 2);
            const auto result =
                test::compare_with_golden(small.get(), "rotation-90-promo-panel-1920x1080");
            CHECK_MESSAGE(result.matches, result.explanation);
        }
        // Turned back, both are the one upright portrait picture.
        const Surface upright = turn_back(panel.get(), degrees);
        const Surface small = scaled_down(upright.get(), 2);
        const auto result = test::compare_with_golden(small.get(), "rotation-promo-1080x1920");
        CHECK_MESSAGE(result.matches, result.explanation);
    }
}

TEST_CASE("rotation: the self-check's sample is of the upright frame, whatever the turn") {
    SdlFixture sdl;
    for (const int degrees : {0, 90}) {
        CAPTURE(degrees);
        auto screen =
            render::Screen::open_headless(160, 90, *render::rotation_from_degrees(degrees));
        REQUIRE(screen.has_value());
        const render::Frame frame = screen->frame();
        render::TextureHandle layer = screen->make_layer(frame.width, frame.height);
        screen->target(layer.get());
        SDL_SetRenderDrawColor(screen->renderer(), 255, 255, 255, 255);
        SDL_RenderClear(screen->renderer());
        // Black in the left half of the logical frame.
        SDL_SetRenderDrawColor(screen->renderer(), 0, 0, 0, 255);
        const SDL_Rect left{0, 0, frame.width / 2, frame.height};
        SDL_RenderFillRect(screen->renderer(), &left);
        screen->target(nullptr);
        screen->present({render::Layer{layer.get(), {0, 0, frame.width, frame.height}}});

        const auto sample = screen->sample_last_frame(16, 9);
        REQUIRE(sample.has_value());
        REQUIRE(sample->luma.size() == 16u * 9u);
        CHECK(sample->luma[4 * 16 + 2] == 0);     // Left: black.
        CHECK(sample->luma[4 * 16 + 13] == 255);  // Right: white.
    }
}

TEST_CASE("screen: the test fault makes frames black until the renderer is recreated") {
    SdlFixture sdl;
    auto screen = render::Screen::open_headless(160, 90);
    REQUIRE(screen.has_value());
    auto paint_white = [&screen] {
        render::TextureHandle layer = screen->make_layer(160, 90);
        screen->target(layer.get());
        SDL_SetRenderDrawColor(screen->renderer(), 255, 255, 255, 255);
        SDL_RenderClear(screen->renderer());
        screen->target(nullptr);
        screen->present({render::Layer{layer.get(), {0, 0, 160, 90}}});
        return screen->sample_last_frame(16, 9);
    };
    auto brightest = [](const render::LumaImage& image) {
        return *std::max_element(image.luma.begin(), image.luma.end());
    };
    CHECK(brightest(*paint_white()) == 255);
    screen->simulate_black_output();
    CHECK(brightest(*paint_white()) == 0);
    CHECK(pixel(read_panel(*screen, 160, 90).get(), 80, 45) == 0xFF000000u);
    REQUIRE(screen->recreate_renderer().has_value());
    CHECK(brightest(*paint_white()) == 255);
}
