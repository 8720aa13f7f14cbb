// The takeover screen: official colours with readable ink, and goldens of levels 3, 4 and 5 in
// Japanese, やさしい日本語 and English.
#include "play/alert_view.hpp"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <doctest/doctest.h>

#include "alert/alert_fixtures.hpp"
#include "alert/alert_parser.hpp"
#include "golden.hpp"
#include "render/alert_painter.hpp"
#include "render/screen.hpp"
#include "sdl_fixture.hpp"

using namespace keiji;

namespace {

using keiji::test::SdlFixture;

alert::Alert sample_alert(int level, const std::string& status = "Actual") {
    auto payload = test::alert_payload("minato-2026-0901-001", 1, "Alert", level);
    payload["status"] = status;
    const char* headlines[] = {"",
                               "",
                               "",
                               "港区に高齢者等避難を発令しました",
                               "港区に避難指示を発令しました",
                               "港区に緊急安全確保を発令しました"};
    const char* headlines_en[] = {"",
                                  "",
                                  "",
                                  "Elderly and others: evacuate now",
                                  "Evacuation order for Minato City",
                                  "Emergency: protect your life now"};
    payload["info"][0]["headline"] = headlines[level];
    payload["info"][1]["headline"] = headlines_en[level];
    payload["info"].push_back({{"language", "ja-x-easy"},
                               {"headline", "港区《みなとく》の みなさん、にげて ください"},
                               {"instruction",
                                "あぶない ところに いる 人《ひと》は、すぐに "
                                "避難所《ひなんじょ》へ 行《い》って ください。"}});
    payload["shelters"].push_back({{"name", {{"ja", "港区立芝公園"}, {"en", "Shiba Park"}}},
                                   {"address", {{"ja", "芝公園四丁目"}, {"en", "Shibakoen 4"}}}});
    auto alert = alert::parse_alert(payload.dump(), "sample");
    REQUIRE(alert.has_value());
    return *alert;
}

void paint_and_compare(const alert::Alert& alert, const std::string& language, int width,
                       int height, const std::string& golden, std::size_t others = 0) {
    const SdlFixture sdl;
    auto fonts = render::FontSet::create(render::FontSet::chain_for_language(language));
    REQUIRE(fonts.has_value());
    auto screen = render::Screen::open_headless(width, height);
    REQUIRE(screen.has_value());
    render::Canvas canvas(screen->renderer(), *fonts);
    const render::AlertView view =
        play::make_alert_view(alert, language, *date::locate_zone("Asia/Tokyo"), others);
    const auto problems = render::paint_alert(canvas, screen->frame(), view);
    CHECK(problems.empty());
    SDL_RenderPresent(screen->renderer());
    const auto result = test::compare_renderer_with_golden(screen->renderer(), golden);
    CHECK_MESSAGE(result.matches, result.explanation);
}

}  // namespace

TEST_CASE("alert painter: every level's ink reads on its colour (WCAG >= 4.5:1)") {
    for (int level = 1; level <= 5; ++level) {
        CAPTURE(level);
        const render::LevelColors colors = render::level_colors(level);
        CHECK(render::contrast_ratio(colors.background, colors.ink) >= 4.5);
    }
    CHECK(render::contrast_ratio({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21.0));
    // Level 3 red with white ink would fail, which is why it gets black.
    CHECK(render::contrast_ratio({255, 40, 0}, {255, 255, 255}) < 4.5);
}

TEST_CASE("alert view: the rotation follows ja, やさしい日本語, en, zh-Hans, ko") {
    auto payload = test::alert_payload("a", 1);
    payload["info"].push_back({{"language", "ko"}, {"headline", "피난 지시"}});
    payload["info"].push_back({{"language", "pt-BR"}, {"headline", "Ordem de evacuação"}});
    payload["info"].push_back({{"language", "ja-x-easy"}, {"headline", "にげて ください"}});
    const auto alert = alert::parse_alert(payload.dump(), "rotation");
    REQUIRE(alert.has_value());
    CHECK(play::rotation_languages(*alert) ==
          std::vector<std::string>{"ja", "ja-x-easy", "en", "ko", "pt-BR"});
    const auto view = play::make_alert_view(*alert, "en", *date::locate_zone("Asia/Tokyo"), 2);
    CHECK(view.level_label == "警戒レベル4");
    CHECK(view.level_name == "避難指示");
    CHECK(view.level_gloss == "Evacuation order");
    CHECK(view.issued == "Issued 1/9/2026 9:55 JST");
    CHECK(view.more == "2 more alert(s) in force");
    CHECK(view.drill_mark.empty());
}

TEST_CASE("alert painter: level 5 in Japanese") {
    paint_and_compare(sample_alert(5), "ja", 960, 540, "alert-level5-ja-960x540");
}
TEST_CASE("alert painter: level 5 in English") {
    paint_and_compare(sample_alert(5), "en", 960, 540, "alert-level5-en-960x540");
}
TEST_CASE("alert painter: level 4 in Japanese, another alert in force") {
    paint_and_compare(sample_alert(4), "ja", 960, 540, "alert-level4-ja-960x540", 1);
}
TEST_CASE("alert painter: level 4 in やさしい日本語 with ruby") {
    paint_and_compare(sample_alert(4), "ja-x-easy", 960, 540, "alert-level4-ja-x-easy-960x540");
}
TEST_CASE("alert painter: level 3 exercise in Japanese") {
    paint_and_compare(sample_alert(3, "Exercise"), "ja", 960, 540,
                      "alert-level3-exercise-ja-960x540");
}
TEST_CASE("alert painter: level 3 in English, portrait") {
    paint_and_compare(sample_alert(3), "en", 540, 960, "alert-level3-en-540x960");
}
