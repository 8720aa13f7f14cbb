// The takeover preview the disaster office sees before sending: one picture per language of the
// rotation, drawn by the screens' own code, and every text that would not fit said.
#include "play/alert_preview.hpp"

#include <SDL.h>
#include <doctest/doctest.h>

#include "alert/alert_parser.hpp"
#include "sdl_fixture.hpp"
#include "storage/file_io.hpp"
#include "test_paths.hpp"

using namespace keiji;

namespace {

alert::Alert example_alert() {
    auto text = storage::read_file(test::source_path("content-schema/examples/level4.alert.json"));
    REQUIRE(text.has_value());
    auto parsed = alert::parse_alert(*text, "level4.alert.json");
    REQUIRE(parsed.has_value());
    return *parsed;
}

// The colour of the pixel at (x, y) of an ARGB surface.
Uint32 pixel(const SDL_Surface& surface, int x, int y) {
    const auto* row =
        static_cast<const std::uint8_t*>(surface.pixels) + std::ptrdiff_t(y) * surface.pitch;
    return reinterpret_cast<const Uint32*>(row)[x] & 0xFFFFFF;
}

}  // namespace

TEST_CASE("alert preview: every language of the rotation, in its order, at the screen's size") {
    test::SdlFixture sdl;
    auto frames = play::preview_alert(example_alert(), render::Frame{960, 540},
                                      *date::locate_zone("Asia/Tokyo"));
    REQUIRE(frames.has_value());
    std::vector<std::string> languages;
    for (const play::AlertPreviewFrame& frame : *frames) {
        languages.push_back(frame.language);
        REQUIRE(frame.picture);
        CHECK(frame.picture->w == 960);
        CHECK(frame.picture->h == 540);
        CAPTURE(frame.language);
        CHECK(frame.problems.empty());
    }
    CHECK(languages == std::vector<std::string>{"ja", "ja-x-easy", "en", "zh-Hans", "ko"});
    // Each language is its own picture: the texts differ, so the pictures do.
    const SDL_Surface& japanese = *(*frames)[0].picture;
    const SDL_Surface& english = *(*frames)[2].picture;
    int differing = 0;
    for (int y = 0; y < 540; y += 4) {
        for (int x = 0; x < 960; x += 4) {
            differing += pixel(japanese, x, y) != pixel(english, x, y) ? 1 : 0;
        }
    }
    CHECK(differing > 500);
}

TEST_CASE("alert preview: a headline that cannot fit is said, per language") {
    test::SdlFixture sdl;
    alert::Alert alert = example_alert();
    std::string long_headline;
    for (int i = 0; i < 40; ++i) {
        long_headline += "港区全域に避難指示を発令しました。";
    }
    alert.info.at(0).headline = long_headline;
    auto frames =
        play::preview_alert(alert, render::Frame{960, 540}, *date::locate_zone("Asia/Tokyo"));
    REQUIRE(frames.has_value());
    CHECK_FALSE(frames->at(0).problems.empty());  // ja
    CHECK(frames->at(2).problems.empty());        // en is as it was
}
