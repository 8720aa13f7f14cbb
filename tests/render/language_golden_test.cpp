// Golden frames of one promo in each language a lobby screen shows (ja, やさしい日本語 with
// ruby, en, zh-Hans, ko), each with its own fonts and the footer's label naming the language in
// itself, at 1920×1080 and 1080×1920 (stored at half size). Painted as the player paints a
// slide of a screen configured for all five languages.
#include <SDL.h>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "golden.hpp"
#include "model/playlist_parser.hpp"
#include "render/canvas.hpp"
#include "render/screen.hpp"
#include "render/slide_painter.hpp"
#include "schedule/slide_language.hpp"
#include "sdl_fixture.hpp"
#include "test_paths.hpp"

using namespace keiji;

namespace {

// Gujo City's promo (seed: the ward's partner list) written in the five languages.
constexpr const char* promo_json = R"json({"items": [{
    "type": "promo", "id": "gujo",
    "prefecture": {"ja": "岐阜県", "ja-x-easy": "岐阜県《ぎふけん》", "en": "Gifu",
                   "zh-Hans": "岐阜县", "ko": "기후현"},
    "municipality": {"ja": "郡上市", "ja-x-easy": "郡上市《ぐじょうし》", "en": "Gujo City",
                     "zh-Hans": "郡上市", "ko": "구조시"},
    "title": {"ja": "郡上おどりin青山", "ja-x-easy": "郡上《ぐじょう》おどり が 青山《あおやま》に きます",
              "en": "Gujo Odori in Aoyama", "zh-Hans": "郡上舞来到青山", "ko": "아오야마 구조 오도리"},
    "body": {
        "ja": "地縁や歴史的なつながりから、毎年6月に青山で「郡上おどり」が開かれています。東日本大震災の際には郡上市から水の提供を受けました。",
        "ja-x-easy": "まいとし 6月《がつ》に、青山《あおやま》で 郡上《ぐじょう》おどりが あります。大《おお》きな 地震《じしん》の とき、郡上市《ぐじょうし》は 港区《みなとく》に 水《みず》を くれました。",
        "en": "Every June, Gujo's famous summer dance comes to Aoyama. When the 2011 earthquake struck, Gujo sent water to Minato.",
        "zh-Hans": "每年6月，郡上的传统盆舞“郡上舞”都会在青山举行。东日本大地震时，郡上市向港区提供了饮用水。",
        "ko": "매년 6월 아오야마에서 '구조 오도리'가 열립니다. 동일본 대지진 때 구조시는 미나토구에 물을 보내 주었습니다."},
    "image": "images/gujo.png", "image_focus": {"x": 0.5, "y": 0.35},
    "url": "https://www.city.gujo.gifu.jp/"}]})json";

model::Item gujo_promo() {
    const auto playlist =
        model::parse_playlist_text(promo_json, test::source_path("playlists/test.json"));
    REQUIRE(playlist.has_value());
    model::Item item = playlist->items.front();
    auto& promo = std::get<model::PromoContent>(item.content);
    promo.image = test::source_path("playlists/" + promo.image);
    return item;
}

void paint_and_compare(const model::Item& item, const std::string& language, int width, int height,
                       const std::string& second = "") {
    const std::string golden =
        second.empty() ? fmt::format("language-promo-{}-{}x{}", language, width, height)
                       : fmt::format("language-promo-{}+{}-{}x{}", language, second, width, height);
    CAPTURE(golden);
    auto fonts = render::FontSet::create(render::FontSet::chain_for_language(language));
    REQUIRE(fonts.has_value());
    auto second_fonts = render::FontSet::create(
        render::FontSet::chain_for_language(second.empty() ? language : second));
    REQUIRE(second_fonts.has_value());
    const auto& tokyo = *date::locate_zone("Asia/Tokyo");
    const render::Theme theme;
    auto screen = render::Screen::open_headless(width, height);
    REQUIRE(screen.has_value());
    render::Canvas canvas(screen->renderer(), *fonts);
    const render::SlideContext context{
        .language = language,
        .zone = &tokyo,
        .language_label = schedule::language_name(second.empty() ? language : second),
        .second_language = second,
        .second_fonts = second.empty() ? nullptr : &*second_fonts};
    const auto report = render::paint_slide(canvas, screen->frame(), item, context, theme);
    CHECK_MESSAGE(report.problems.empty(), fmt::format("{}", fmt::join(report.problems, "; ")));
    for (const render::DrawnText& drawn : report.texts) {
        CHECK_MESSAGE(!drawn.result.overflow, (std::string("overflows: ") + drawn.text));
        CHECK_MESSAGE(drawn.result.missing_glyphs.empty(), (std::string("tofu in: ") + drawn.text));
    }
    render::paint_header(canvas, screen->frame(), "港区と全国をつなぐコーナー",
                         render::ClockFace{"2025年11月20日(木)", "10:00"}, theme);
    SDL_RenderPresent(screen->renderer());

    const auto result = test::compare_scaled_renderer_with_golden(screen->renderer(), 2, golden);
    CHECK_MESSAGE(result.matches, result.explanation);
}

}  // namespace

TEST_CASE(
    "language golden: one promo in ja, ja-x-easy, en, zh-Hans and ko, landscape and portrait") {
    test::SdlFixture sdl;
    const model::Item item = gujo_promo();
    for (const std::string language : {"ja", "ja-x-easy", "en", "zh-Hans", "ko"}) {
        paint_and_compare(item, language, 1920, 1080);
        paint_and_compare(item, language, 1080, 1920);
    }
}

TEST_CASE("language golden: the bilingual layout, Japanese with English and with Korean under it") {
    test::SdlFixture sdl;
    const model::Item item = gujo_promo();
    for (const std::string second : {"en", "ko"}) {
        paint_and_compare(item, "ja", 1920, 1080, second);
        paint_and_compare(item, "ja", 1080, 1920, second);
    }
}
