// Golden images of every slide template at the three screen shapes the lobby has: 1920×1080,
// 3840×2160 and portrait 1080×1920. Each is painted at its real size and stored scaled down
// (half, a quarter for 4K) to keep the repository small; the full-size frame is written next to
// the actual images (golden-actual/full/) for review.
#include <SDL.h>
#include <SDL_ttf.h>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

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

struct Size {
    int width;
    int height;
    int scale_down;  // The golden is stored at 1/scale_down of the real size.
};
constexpr Size sizes[] = {{1920, 1080, 2}, {3840, 2160, 4}, {1080, 1920, 2}};

model::Item parse_item(const std::string& json) {
    const auto playlist = model::parse_playlist_text("{\"items\": [" + json + "]}",
                                                     test::source_path("playlists/test.json"));
    REQUIRE(playlist.has_value());
    model::Item item = playlist->items.front();
    if (auto* promo = std::get_if<model::PromoContent>(&item.content)) {
        promo->image = test::source_path("playlists/" + promo->image);
    } else if (auto* event = std::get_if<model::EventContent>(&item.content)) {
        event->image = test::source_path("playlists/" + event->image);
    }
    return item;
}

void render_and_compare(const model::Item& item, const std::string& name,
                        model::EventState event = {}) {
    auto fonts = render::FontSet::create(render::FontSet::debian_default_chain());
    REQUIRE(fonts.has_value());
    const auto& tokyo = *date::locate_zone("Asia/Tokyo");
    const render::Theme theme;
    for (const Size size : sizes) {
        const std::string golden = fmt::format("template-{}-{}x{}", name, size.width, size.height);
        CAPTURE(golden);
        auto screen = render::Screen::open_headless(size.width, size.height);
        REQUIRE(screen.has_value());
        render::Canvas canvas(screen->renderer(), *fonts);
        render::SlideContext context{.language = "ja", .event = event, .zone = &tokyo};
        const auto report = render::paint_slide(canvas, screen->frame(), item, context, theme);
        // A template that has to clip its text says so: the bundled content must fit.
        CHECK_MESSAGE(report.problems.empty(), fmt::format("{}", fmt::join(report.problems, "; ")));
        render::paint_header(canvas, screen->frame(), "港区と全国をつなぐコーナー",
                             render::ClockFace{"令和7年11月20日(木)", "10:00"}, theme);
        SDL_RenderPresent(screen->renderer());

        const auto result =
            test::compare_scaled_renderer_with_golden(screen->renderer(), size.scale_down, golden);
        CHECK_MESSAGE(result.matches, result.explanation);
    }
}

}  // namespace

TEST_CASE("template golden: promo with badge, photo, QR code and footer") {
    SdlFixture sdl;
    render_and_compare(parse_item(R"({
        "type": "promo", "id": "gujo",
        "prefecture": "岐阜県", "municipality": "郡上市", "title": "郡上おどりin青山",
        "body": "地縁や歴史的なつながりから、毎年6月に青山で「郡上おどり」が開かれています。東日本大震災の際には郡上市から水の提供を受けました。これまでの交流が、困った時の助け合いにつながっています。",
        "image": "images/gujo.png", "image_focus": {"x": 0.5, "y": 0.35},
        "url": "https://www.city.gujo.gifu.jp/"})"),
                       "promo");
}

TEST_CASE("template golden: upcoming event over a weekend, with photo") {
    SdlFixture sdl;
    const model::Item item = parse_item(R"json({
        "type": "event", "id": "marche",
        "title": "全国連携マルシェin芝浦", "venue": "区立プラタナス公園(港区芝浦4-20-56)",
        "body": "芝浦地域の「生鮮食品」の不足を、全国各地域との連携の力で解決する取組として、平成30年度から開いています。",
        "image": "images/marche.png",
        "sessions": [
            {"start": "2025-11-29T11:00:00+09:00", "end": "2025-11-29T16:00:00+09:00"},
            {"start": "2025-11-30T11:00:00+09:00", "end": "2025-11-30T16:00:00+09:00"}]})json");
    const auto& event = std::get<model::EventContent>(item.content);
    render_and_compare(item, "event",
                       model::EventState{.phase = model::EventPhase::upcoming,
                                         .days_until = 9,
                                         .next = &event.sessions.front()});
}

TEST_CASE("template golden: important notice") {
    SdlFixture sdl;
    render_and_compare(parse_item(R"({
        "type": "notice", "id": "partnership-342", "importance": "important",
        "title": "港区は342の自治体と連携しています",
        "body": "住民同士の交流や災害時の相互支援など、様々な連携を図っています。災害時相互協力協定は3自治体と結んでいます。お問い合わせ: 全国連携推進担当 03-3578-2509"})"),
                       "notice");
}
