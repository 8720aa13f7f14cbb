// The bottom ticker: it scrolls from the right edge, repeats, and a slide painted with room for
// it ends above its band (golden at 1920×1080, stored at half size).
#include "render/ticker.hpp"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <doctest/doctest.h>

#include "golden.hpp"
#include "model/playlist_parser.hpp"
#include "render/canvas.hpp"
#include "render/slide_painter.hpp"
#include "sdl_fixture.hpp"
#include "test_paths.hpp"

using namespace keiji;
using namespace std::chrono_literals;

namespace {

using keiji::test::SdlFixture;

const std::vector<std::string> messages = {"区民ラウンジで全国各地のパンフレットを配架しています",
                                           "12月29日から1月3日まで区役所は休みです"};

// How many pixels of the band differ from its background colour.
int inked_pixels(render::Screen& screen, const render::Ticker& ticker) {
    const render::Rect band = ticker.where();
    SDL_Surface* pixels =
        SDL_CreateRGBSurfaceWithFormat(0, band.w, band.h, 32, SDL_PIXELFORMAT_ARGB8888);
    screen.present({render::Layer{ticker.layer(), band}});
    const SDL_Rect area{band.x, band.y, band.w, band.h};
    SDL_RenderReadPixels(screen.renderer(), &area, SDL_PIXELFORMAT_ARGB8888, pixels->pixels,
                         pixels->pitch);
    const render::Theme theme;
    const Uint32 background =
        SDL_MapRGB(pixels->format, theme.ticker.r, theme.ticker.g, theme.ticker.b);
    int inked = 0;
    for (int y = 0; y < band.h; ++y) {
        const auto* row = reinterpret_cast<const Uint32*>(static_cast<Uint8*>(pixels->pixels) +
                                                          y * pixels->pitch);
        for (int x = 0; x < band.w; ++x) {
            inked += (row[x] | 0xFF000000u) != (background | 0xFF000000u) ? 1 : 0;
        }
    }
    SDL_FreeSurface(pixels);
    return inked;
}

}  // namespace

TEST_CASE("ticker: text enters from the right and the band is never drawn past the screen") {
    SdlFixture sdl;
    auto fonts = render::FontSet::create(render::FontSet::debian_default_chain());
    REQUIRE(fonts.has_value());
    auto screen = render::Screen::open_headless(960, 540);
    REQUIRE(screen.has_value());
    render::Ticker ticker(*screen, *fonts, messages, render::Theme{});
    REQUIRE_FALSE(ticker.empty());
    CHECK(ticker.where().y + ticker.where().h == 540 - render::footer_height(screen->frame()));

    ticker.paint(0s);
    CHECK(inked_pixels(*screen, ticker) == 0);  // At the start the text is just off the right.
    ticker.paint(3s);
    CHECK(inked_pixels(*screen, ticker) > 0);
}

TEST_CASE("ticker: a message-less ticker is empty") {
    SdlFixture sdl;
    auto fonts = render::FontSet::create(render::FontSet::debian_default_chain());
    REQUIRE(fonts.has_value());
    auto screen = render::Screen::open_headless(320, 180);
    REQUIRE(screen.has_value());
    CHECK(render::Ticker(*screen, *fonts, {""}, render::Theme{}).empty());
}

TEST_CASE("ticker golden: a notice slide with room for the ticker, 1920x1080") {
    SdlFixture sdl;
    auto fonts = render::FontSet::create(render::FontSet::debian_default_chain());
    REQUIRE(fonts.has_value());
    auto screen = render::Screen::open_headless(1920, 1080);
    REQUIRE(screen.has_value());
    const auto playlist = model::parse_playlist_text(R"({"items": [{
        "type": "notice", "id": "corner",
        "title": "港区と全国をつなぐコーナー",
        "body": "区役所1階の区民ラウンジでは、全国各自治体の魅力的なパンフレット等を常時数十種類配架しています。特産品販売やPRイベントも開催しています。"}]})",
                                                     test::source_path("playlists/test.json"));
    REQUIRE(playlist.has_value());
    const render::Theme theme;
    const auto& tokyo = *date::locate_zone("Asia/Tokyo");
    const render::Frame frame = screen->frame();
    render::TextureHandle slide = screen->make_layer(frame.width, frame.height);
    screen->target(slide.get());
    render::Canvas canvas(screen->renderer(), *fonts);
    const auto report = render::paint_slide(
        canvas, frame, playlist->items.front(),
        render::SlideContext{.zone = &tokyo, .ticker = render::TickerSpace::reserved}, theme);
    CHECK(report.problems.empty());
    render::paint_header(canvas, frame, "港区と全国をつなぐコーナー",
                         render::ClockFace{"2026年11月24日(火)", "16:31"}, theme);
    screen->target(nullptr);
    render::Ticker ticker(*screen, *fonts, messages, theme);
    ticker.paint(6s);
    screen->present({render::Layer{slide.get(), {0, 0, frame.width, frame.height}},
                     render::Layer{ticker.layer(), ticker.where()}});

    SDL_Surface* full =
        SDL_CreateRGBSurfaceWithFormat(0, frame.width, frame.height, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_RenderReadPixels(screen->renderer(), nullptr, SDL_PIXELFORMAT_ARGB8888, full->pixels,
                         full->pitch);
    SDL_Surface* small = SDL_CreateRGBSurfaceWithFormat(0, frame.width / 2, frame.height / 2, 32,
                                                        SDL_PIXELFORMAT_ARGB8888);
    REQUIRE(SDL_SoftStretchLinear(full, nullptr, small, nullptr) == 0);
    const auto result = test::compare_with_golden(small, "ticker-notice-1920x1080");
    SDL_FreeSurface(small);
    SDL_FreeSurface(full);
    CHECK_MESSAGE(result.matches, result.explanation);
}
