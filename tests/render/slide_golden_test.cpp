// Headless golden images of whole slides: what a visitor would see, compared with a tolerance.
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <doctest/doctest.h>

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

model::Item parse_item(const std::string& json) {
    const auto playlist = model::parse_playlist_text("{\"items\": [" + json + "]}",
                                                     test::source_path("playlists/test.json"));
    REQUIRE(playlist.has_value());
    model::Item item = playlist->items.front();
    if (auto* promo = std::get_if<model::PromoContent>(&item.content)) {
        promo->image = test::source_path("playlists/" + promo->image);
    }
    return item;
}

void render_slide_and_compare(const model::Item& item, int width, int height,
                              const std::string& golden, model::EventState event = {}) {
    auto fonts = render::FontSet::create(render::FontSet::debian_default_chain());
    REQUIRE(fonts.has_value());
    auto screen = render::Screen::open_headless(width, height);
    REQUIRE(screen.has_value());
    render::Canvas canvas(screen->renderer(), *fonts);
    const auto& tokyo = *date::locate_zone("Asia/Tokyo");
    const render::Theme theme;
    render::SlideContext context{.language = "ja", .event = event, .zone = &tokyo};
    const auto report = render::paint_slide(canvas, screen->frame(), item, context, theme);
    CHECK(report.problems.empty());
    render::paint_header(canvas, screen->frame(), "港区と全国をつなぐコーナー",
                         render::ClockFace{"2026年11月24日(火)", "16:31"}, theme);
    SDL_RenderPresent(screen->renderer());

    const auto result = test::compare_renderer_with_golden(screen->renderer(), golden);
    CHECK_MESSAGE(result.matches, result.explanation);
}

}  // namespace

TEST_CASE("golden: a partner promo at 960x540") {
    SdlFixture sdl;
    render_slide_and_compare(parse_item(R"({
        "type": "promo", "id": "gujo",
        "prefecture": "岐阜県", "municipality": "郡上市", "title": "郡上おどりin青山",
        "body": "地縁や歴史的なつながりから、毎年6月に青山で「郡上おどり」が開かれています。",
        "image": "images/gujo.png"})"),
                             960, 540, "promo-960x540");
}

TEST_CASE("golden: a running event on a portrait screen 540x960") {
    SdlFixture sdl;
    const model::Item item = parse_item(R"json({
        "type": "event", "id": "marche",
        "title": "全国連携マルシェin芝浦", "venue": "区立プラタナス公園(港区芝浦4-20-56)",
        "body": "全国各地域の新鮮な食材や特産品が芝浦に集まります。",
        "sessions": [
            {"start": "2025-11-29T11:00:00+09:00", "end": "2025-11-29T16:00:00+09:00"},
            {"start": "2025-11-30T11:00:00+09:00", "end": "2025-11-30T16:00:00+09:00"}]})json");
    const auto& event = std::get<model::EventContent>(item.content);
    render_slide_and_compare(
        item, 540, 960, "event-running-540x960",
        model::EventState{
            .phase = model::EventPhase::running, .days_until = 0, .next = &event.sessions.front()});
}
