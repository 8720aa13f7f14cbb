// The takeover in the main loop, with a virtual clock: it replaces content in the turn it
// arrives, rotates languages on its period, draws nothing in between, and hands back to content
// with a crossfade.
#include "play/stage.hpp"

#include <SDL.h>
#include <SDL_ttf.h>
#include <doctest/doctest.h>

#include "alert/alert_fixtures.hpp"
#include "alert/alert_parser.hpp"
#include "model/playlist_parser.hpp"
#include "sdl_fixture.hpp"

using namespace keiji;
using namespace std::chrono;

namespace {

using keiji::test::SdlFixture;

alert::Alert sample(const std::string& identifier, int level) {
    auto parsed =
        alert::parse_alert(test::alert_payload(identifier, 1, "Alert", level).dump(), "sample");
    REQUIRE(parsed.has_value());
    return *parsed;
}

const system_clock::time_point start = sys_days{2026y / September / 1} + 1h;

}  // namespace

TEST_CASE("alert stage: takeover, rotation on its period, and content back with a crossfade") {
    SdlFixture sdl;
    auto fonts = render::FontSet::create(render::FontSet::debian_default_chain());
    REQUIRE(fonts.has_value());
    auto screen = render::Screen::open_headless(320, 180);
    REQUIRE(screen.has_value());
    const auto* tokyo = date::locate_zone("Asia/Tokyo");
    auto playlist = model::parse_playlist_text(
        R"({"items": [{"type": "notice", "id": "a", "title": "一", "duration": 30}]})", "p.json");
    REQUIRE(playlist.has_value());
    play::Player player(*screen, *fonts, playlist->items, play::PlayerOptions{.zone = tokyo});
    play::AlertTakeover takeover(*screen, *tokyo, seconds(8));
    play::Stage stage(player, takeover, nullptr);
    model::VirtualClock clock(start);

    auto shown = stage.update(clock.now());
    CHECK(shown.content.item_id == "a");
    CHECK_FALSE(shown.alert_frame);

    // Two alerts arrive: the level 5 one is shown at once, in Japanese.
    takeover.show({sample("five", 5), sample("three", 3)});
    shown = stage.update(clock.now());
    CHECK(shown.alert_frame);
    CHECK(shown.alert_id == "five");
    CHECK(shown.alert_language == "ja");
    CHECK(shown.next_deadline == clock.now().monotonic + seconds(8));

    struct Step {
        milliseconds at;  // After the alert appeared.
        bool frame;
        const char* language;
    };
    const Step steps[] = {
        {milliseconds(1), false, "ja"},    {milliseconds(7999), false, "ja"},
        {milliseconds(8000), true, "en"},  {milliseconds(12000), false, "en"},
        {milliseconds(16000), true, "ja"},
    };
    const auto appeared = clock.now().monotonic;
    for (const Step& step : steps) {
        CAPTURE(step.at.count());
        clock.advance_to(appeared + step.at);
        shown = stage.update(clock.now());
        CHECK(shown.alert_frame == step.frame);
        CHECK(shown.alert_language == step.language);
        CHECK(shown.content.item_id.empty());  // Content is not running under the takeover.
    }

    // The alerts end: content fades back in over the last alert frame.
    takeover.show({});
    shown = stage.update(clock.now());
    CHECK_FALSE(shown.alert_frame);
    CHECK(shown.alert_id.empty());
    CHECK(shown.content.presented);
    CHECK_FALSE(shown.content.slide_settled);  // Mid-crossfade.
    clock.advance_to(clock.now().monotonic + seconds(2));
    shown = stage.update(clock.now());
    CHECK(shown.content.slide_settled);
    CHECK(shown.content.item_id == "a");
}
