// The font set keeps a bounded number of sizes open: a player that fits text to boxes for weeks
// tries many sizes, and every one is a font face of its own.
#include "render/font_set.hpp"

#include <SDL.h>
#include <doctest/doctest.h>

#include "sdl_fixture.hpp"
#include "text/utf8.hpp"

using namespace keiji;

namespace {

// Height of the rasterised run of `text` at `size`: it follows the size, so a run found under
// the wrong font shows up as the wrong height.
int rasterised_height(render::FontSet& fonts, std::u32string_view text, int size) {
    const std::vector<render::FontRun> runs = fonts.runs(text, render::Weight::regular, size);
    REQUIRE(runs.size() == 1);
    const render::Coverage* coverage = fonts.rasterise(runs.front());
    REQUIRE(coverage != nullptr);
    return coverage->height;
}

}  // namespace

TEST_CASE("font set: closing idle sizes keeps the newest and forgets their rasterised runs") {
    keiji::test::SdlFixture sdl;
    auto fonts = render::FontSet::create(render::FontSet::debian_default_chain());
    REQUIRE(fonts.has_value());
    const std::u32string text = U"港区と全国をつなぐ";
    const int first_height = rasterised_height(*fonts, text, 20);
    for (int size = 21; size < 80; ++size) {
        (void)rasterised_height(*fonts, text, size);
    }
    const std::size_t opened = fonts->open_font_count();
    CHECK(opened >= 60);

    fonts->close_idle_fonts(8);
    CHECK(fonts->open_font_count() == 8);
    fonts->close_idle_fonts(8);  // Nothing more to close.
    CHECK(fonts->open_font_count() == 8);

    // Size 20 went first and comes back as a new font: the same height as before, not a run
    // cached under a freed font that a newer size may now occupy.
    const std::uint64_t rasterised = fonts->rasterised_count();
    CHECK(rasterised_height(*fonts, text, 20) == first_height);
    CHECK(fonts->rasterised_count() == rasterised + 1);
    // Size 79 was used last and stayed open, with its run.
    const std::uint64_t hits = fonts->cache_hits();
    (void)rasterised_height(*fonts, text, 79);
    CHECK(fonts->cache_hits() == hits + 1);
    // Widths do not depend on which fonts stay open.
    CHECK(fonts->text_width(text, render::Weight::regular, 40) > 0);
}

TEST_CASE("font set: a canvas-sized working set is left alone") {
    keiji::test::SdlFixture sdl;
    auto fonts = render::FontSet::create(render::FontSet::debian_default_chain());
    REQUIRE(fonts.has_value());
    (void)fonts->text_width(U"区役所 City Hall 구청", render::Weight::bold, 32);
    const std::size_t opened = fonts->open_font_count();
    REQUIRE(opened > 0);
    fonts->close_idle_fonts();
    CHECK(fonts->open_font_count() == opened);
}

TEST_CASE("font set: a run's coverage in any colour is the pixels SDL_ttf makes for that colour") {
    keiji::test::SdlFixture sdl;
    auto fonts = render::FontSet::create(render::FontSet::debian_default_chain());
    REQUIRE(fonts.has_value());
    const std::vector<render::FontRun> runs =
        fonts->runs(U"港区《みなとく》 Minato", render::Weight::bold, 37);
    REQUIRE(!runs.empty());
    for (const SDL_Color color : {SDL_Color{18, 53, 91, 255}, SDL_Color{250, 200, 10, 128}}) {
        for (const render::FontRun& run : runs) {
            TTF_SetFontScriptName(run.font, run.script);
            const render::SurfaceHandle direct(
                TTF_RenderUTF8_Blended(run.font, text::encode_utf8(run.text).c_str(), color));
            const render::Coverage* coverage = fonts->rasterise(run, color.a);
            REQUIRE(direct != nullptr);
            REQUIRE(coverage != nullptr);
            REQUIRE(coverage->width == direct->w);
            REQUIRE(coverage->height == direct->h);
            const std::uint32_t rgb = (std::uint32_t(color.r) << 16) |
                                      (std::uint32_t(color.g) << 8) | std::uint32_t(color.b);
            std::size_t covered = 0;
            for (int y = 0; y < direct->h; ++y) {
                const auto* row = reinterpret_cast<const std::uint32_t*>(
                    static_cast<const std::uint8_t*>(direct->pixels) + y * direct->pitch);
                for (int x = 0; x < direct->w; ++x) {
                    const std::uint8_t alpha = coverage->alpha[std::size_t(y * direct->w + x)];
                    covered += alpha != 0 ? 1 : 0;
                    REQUIRE(row[x] == ((std::uint32_t(alpha) << 24) | rgb));
                }
            }
            CHECK(covered > 0);
        }
    }
}
