// The renderer's side of Japanese typography: a golden image of a ruby paragraph (やさしい日本語
// style), tofu reporting and the rasterised-run cache, with the real Debian fonts.
#include <SDL.h>
#include <SDL_ttf.h>
#include <doctest/doctest.h>

#include "golden.hpp"
#include "render/canvas.hpp"
#include "render/screen.hpp"
#include "sdl_fixture.hpp"
#include "test_paths.hpp"

using namespace keiji;

namespace {

using keiji::test::SdlFixture;

render::FontSet japanese_fonts() {
    auto chain = render::FontSet::chain_from_config(test::source_path("fonts/fonts.json"), "ja");
    REQUIRE(chain.has_value());
    auto fonts = render::FontSet::create(*chain);
    REQUIRE(fonts.has_value());
    return *std::move(fonts);
}

constexpr const char* easy_japanese_notice =
    "きょうは｜全国連携《ぜんこくれんけい》マルシェの日《ひ》です。"
    "会場《かいじょう》は区立《くりつ》プラタナス公園《こうえん》です。"
    "時間《じかん》は11:00〜16:00です。地震《じしん》のときは、避難所《ひなんじょ》へ行《い》って"
    "ください。";

}  // namespace

TEST_CASE("golden: a paragraph of easy Japanese with ruby at 720x400") {
    SdlFixture sdl;
    render::FontSet fonts = japanese_fonts();
    auto screen = render::Screen::open_headless(720, 400);
    REQUIRE(screen.has_value());
    render::Canvas canvas(screen->renderer(), fonts);
    canvas.fill(render::Rect{0, 0, 720, 400}, render::Color{255, 255, 255, 255});
    const render::TextResult result =
        canvas.draw_text(easy_japanese_notice, render::Rect{40, 30, 640, 340},
                         render::TextStyle{.size = 40,
                                           .min_size = 24,
                                           .color = render::Color{20, 30, 60, 255},
                                           .language = "ja-x-easy"});
    CHECK_FALSE(result.overflow);
    CHECK(result.missing_glyphs.empty());
    CHECK(result.lines >= 4);

    SDL_Surface* frame = SDL_CreateRGBSurfaceWithFormat(0, 720, 400, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_RenderReadPixels(screen->renderer(), nullptr, SDL_PIXELFORMAT_ARGB8888, frame->pixels,
                         frame->pitch);
    const auto golden = test::compare_with_golden(frame, "text-ruby-paragraph-720x400");
    SDL_FreeSurface(frame);
    CHECK_MESSAGE(golden.matches, golden.explanation);
}

TEST_CASE("tofu: a character no font has is reported, not drawn silently") {
    SdlFixture sdl;
    render::FontSet fonts = japanese_fonts();
    auto screen = render::Screen::open_headless(320, 120);
    REQUIRE(screen.has_value());
    render::Canvas canvas(screen->renderer(), fonts);
    // U+13000 (Egyptian hieroglyph) is in none of the Debian fonts of the chain.
    const auto result = canvas.draw_text("港区\U00013000です", render::Rect{0, 0, 320, 120},
                                         render::TextStyle{.size = 32});
    CHECK(result.missing_glyphs == "\U00013000");
    CHECK(fonts.has_glyph(U'港'));
    CHECK_FALSE(fonts.has_glyph(U'\U00013000'));
}

TEST_CASE("cache: drawing the same text again rasterises nothing") {
    SdlFixture sdl;
    render::FontSet fonts = japanese_fonts();
    auto screen = render::Screen::open_headless(640, 200);
    REQUIRE(screen.has_value());
    render::Canvas canvas(screen->renderer(), fonts);
    const render::TextStyle style{.size = 36};
    (void)canvas.draw_text(easy_japanese_notice, render::Rect{0, 0, 640, 200}, style);
    const auto rasterised = fonts.rasterised_count();
    CHECK(rasterised > 0);
    (void)canvas.draw_text(easy_japanese_notice, render::Rect{0, 0, 640, 200}, style);
    CHECK(fonts.rasterised_count() == rasterised);
    CHECK(fonts.cache_hits() > 0);
}

TEST_CASE("fonts: each language gets its own chain from fonts/fonts.json") {
    const std::string config = test::source_path("fonts/fonts.json");
    const auto japanese = render::FontSet::chain_from_config(config, "ja-x-easy");
    REQUIRE(japanese.has_value());
    CHECK(japanese->front().regular_file.find("BIZUDGothic") != std::string::npos);
    const auto chinese = render::FontSet::chain_from_config(config, "zh-Hans");
    REQUIRE(chinese.has_value());
    CHECK(chinese->front().index == 2);
    CHECK(render::FontSet::chain_from_config(config, "zh-Hant")->front().index == 3);
    CHECK(render::FontSet::chain_from_config(config, "ko")->front().index == 1);
    CHECK(render::FontSet::chain_from_config(config, "en")->front().regular_file.find("DejaVu") !=
          std::string::npos);
    CHECK_FALSE(render::FontSet::chain_from_config(test::source_path("no/such.json"), "ja"));
}
