// The playback state machine with a virtual clock and an off-screen renderer.
#include "play/player.hpp"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <doctest/doctest.h>

#include <expected>
#include <optional>

#include "model/playlist_parser.hpp"
#include "sdl_fixture.hpp"

using namespace keiji;
using namespace std::chrono;

namespace {

using keiji::test::SdlFixture;

std::vector<model::Item> items(const std::string& json) {
    auto playlist = model::parse_playlist_text("{\"items\": [" + json + "]}", "p.json");
    REQUIRE(playlist.has_value());
    return playlist->items;
}

// 2026-11-24 10:00:30 in Tokyo: half a minute before the clock next changes.
const system_clock::time_point start = sys_days{2026y / November / 24} + 1h + 30s;

// A player on a 320x180 off-screen renderer, as the headless run builds it.
struct OffScreenPlayer {
    explicit OffScreenPlayer(const std::string& items_json)
        : fonts(render::FontSet::create(render::FontSet::debian_default_chain())),
          screen(render::Screen::open_headless(320, 180)) {
        REQUIRE(fonts.has_value());
        REQUIRE(screen.has_value());
        player.emplace(*screen, *fonts, items(items_json),
                       play::PlayerOptions{.zone = date::locate_zone("Asia/Tokyo")});
    }
    SdlFixture sdl;
    keiji::model::Result<render::FontSet> fonts;
    keiji::model::Result<render::Screen> screen;
    std::optional<play::Player> player;
};

}  // namespace

TEST_CASE("player: shows the first slide at once, then stays still until a deadline") {
    OffScreenPlayer setup(R"({"type": "notice", "id": "a", "title": "一", "duration": 5},
                               {"type": "notice", "id": "b", "title": "二", "duration": 5})");
    play::Player& player = *setup.player;
    model::VirtualClock clock(start);

    auto result = player.update(clock.now());
    CHECK(result.presented);
    CHECK(result.slide_settled);
    CHECK(result.item_id == "a");
    CHECK(result.next_deadline == clock.now().monotonic + 5s);

    // Nothing changed: no frame is drawn again (a still slide costs nothing).
    result = player.update(clock.now());
    CHECK_FALSE(result.presented);
    CHECK_FALSE(result.slide_settled);

    // At the deadline the crossfade starts: frames come at the frame interval.
    clock.advance_to(result.next_deadline);
    result = player.update(clock.now());
    CHECK(result.presented);
    CHECK_FALSE(result.slide_settled);
    CHECK(result.next_deadline == clock.now().monotonic + 16ms);

    // After the crossfade the new slide is settled and the player is still again.
    clock.advance_to(clock.now().monotonic + 1s);
    result = player.update(clock.now());
    CHECK(result.slide_settled);
    CHECK(result.item_id == "b");
    const auto settled_at = clock.now().monotonic;
    result = player.update(clock.now());
    CHECK_FALSE(result.presented);
    // b ends 5 s after its fade began, well before the clock turns 10:01: that is the deadline.
    CHECK(result.next_deadline == settled_at - 1s + 5s);
}

TEST_CASE("player: the header clock redraws when the minute turns, and only then") {
    OffScreenPlayer setup(R"({"type": "notice", "id": "only", "title": "一", "duration": 600})");
    play::Player& player = *setup.player;
    model::VirtualClock clock(start);
    auto result = player.update(clock.now());
    // 30 s to the next minute, which is before the slide's end.
    CHECK(result.next_deadline == clock.now().monotonic + 30s);
    clock.advance_to(clock.now().monotonic + 10s);
    CHECK_FALSE(player.update(clock.now()).presented);
    clock.advance_to(clock.now().monotonic + 20s);
    result = player.update(clock.now());
    CHECK(result.presented);
    CHECK_FALSE(result.slide_settled);
    CHECK(result.next_deadline == clock.now().monotonic + 60s);
}

TEST_CASE("player: one eligible item stays up without fading into itself") {
    OffScreenPlayer setup(R"({"type": "notice", "id": "only", "title": "一", "duration": 5})");
    play::Player& player = *setup.player;
    model::VirtualClock clock(start);
    player.update(clock.now());
    clock.advance_to(clock.now().monotonic + 5s);
    const auto result = player.update(clock.now());
    CHECK(result.item_id == "only");
    CHECK(result.next_deadline > clock.now().monotonic + 16ms);  // No crossfade frames.
}

TEST_CASE("player: with nothing eligible the idle screen shows, never a blank one") {
    OffScreenPlayer setup(R"({"type": "notice", "id": "past", "title": "一",
                              "schedule": {"until": "2020-01-01"}})");
    model::VirtualClock clock(start);
    const auto result = setup.player->update(clock.now());
    CHECK(result.presented);
    CHECK(result.item_id.empty());
    // Not black: the idle screen is painted on the paper colour.
    SDL_Surface* frame = SDL_CreateRGBSurfaceWithFormat(0, 320, 180, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_RenderReadPixels(setup.screen->renderer(), nullptr, SDL_PIXELFORMAT_ARGB8888, frame->pixels,
                         frame->pitch);
    const Uint32 pixel = static_cast<Uint32*>(frame->pixels)[170 * 320 + 5];
    SDL_FreeSurface(frame);
    CHECK(pixel != 0xFF000000u);
}

TEST_CASE(
    "player: a reload carries the slide on screen over until its time, then the new content "
    "follows without showing that item again at once") {
    OffScreenPlayer setup(R"({"type": "notice", "id": "a", "title": "一", "duration": 5},
                               {"type": "notice", "id": "b", "title": "二", "duration": 5})");
    model::VirtualClock clock(start);
    auto result = setup.player->update(clock.now());
    REQUIRE(result.item_id == "a");
    CHECK_FALSE(result.transitioning);

    std::optional<play::CarriedSlide> carried = setup.player->take_slide();
    REQUIRE(carried.has_value());
    CHECK(carried->item_id == "a");
    CHECK(carried->layer != nullptr);
    CHECK(carried->until == clock.now().monotonic + 5s);
    carried->until = clock.now().monotonic + 2s;

    // The new content still has "a", and "c".
    setup.player.emplace(*setup.screen, *setup.fonts,
                         items(R"({"type": "notice", "id": "a", "title": "一", "duration": 5},
                                  {"type": "notice", "id": "c", "title": "三", "duration": 5})"),
                         play::PlayerOptions{.zone = date::locate_zone("Asia/Tokyo")});
    setup.player->continue_from(std::move(*carried));
    result = setup.player->update(clock.now());
    CHECK(result.presented);  // The carried slide, with the new player's header.
    CHECK_FALSE(result.slide_settled);
    CHECK(result.item_id == "a");
    CHECK(result.next_deadline == clock.now().monotonic + 2s);

    clock.advance_to(result.next_deadline);
    result = setup.player->update(clock.now());
    CHECK(result.transitioning);
    clock.advance_to(clock.now().monotonic + 1s);
    result = setup.player->update(clock.now());
    CHECK(result.slide_settled);
    CHECK_FALSE(result.transitioning);
    CHECK(result.item_id == "c");
}

TEST_CASE("player: a carried slide whose item is the only one left fades into its new version") {
    OffScreenPlayer setup(R"({"type": "notice", "id": "a", "title": "一", "duration": 5})");
    model::VirtualClock clock(start);
    (void)setup.player->update(clock.now());
    std::optional<play::CarriedSlide> carried = setup.player->take_slide();
    REQUIRE(carried.has_value());
    setup.player.emplace(*setup.screen, *setup.fonts,
                         items(R"({"type": "notice", "id": "a", "title": "改", "duration": 5})"),
                         play::PlayerOptions{.zone = date::locate_zone("Asia/Tokyo")});
    setup.player->continue_from(std::move(*carried));
    auto result = setup.player->update(clock.now());
    clock.advance_to(result.next_deadline);
    result = setup.player->update(clock.now());
    CHECK(result.transitioning);
    clock.advance_to(clock.now().monotonic + 1s);
    result = setup.player->update(clock.now());
    CHECK(result.slide_settled);
    CHECK(result.item_id == "a");
}

TEST_CASE("player: the blank screen outside opening hours says it is dark on purpose") {
    // Open 11:00-12:00; the test starts at 10:00:30 in Tokyo.
    auto playlist = model::parse_playlist_text(R"({
        "opening_hours": {"times": [{"from": "11:00", "until": "12:00"}]},
        "outside_hours": "blank",
        "items": [{"type": "notice", "id": "a", "title": "一"}]})",
                                               "p.json");
    REQUIRE(playlist.has_value());
    for (const auto outside : {model::OutsideHours::blank, model::OutsideHours::still}) {
        OffScreenPlayer setup(R"({"type": "notice", "id": "unused", "title": "一"})");
        model::OpeningHours hours = *playlist->opening_hours;
        hours.outside = outside;
        setup.player.emplace(
            *setup.screen, *setup.fonts, playlist->items,
            play::PlayerOptions{.zone = date::locate_zone("Asia/Tokyo"), .opening_hours = hours});
        model::VirtualClock clock(start);
        const auto result = setup.player->update(clock.now());
        CHECK(result.item_id.empty());
        CHECK(result.dark_on_purpose == (outside == model::OutsideHours::blank));
    }
}

TEST_CASE("player: the split layout shows one appearance in each language, in equal parts") {
    SdlFixture sdl;
    auto fonts = render::FontSet::create(render::FontSet::debian_default_chain());
    auto screen = render::Screen::open_headless(320, 180);
    REQUIRE(fonts.has_value());
    REQUIRE(screen.has_value());
    // 港区民まつり (seed 003) in three languages, 12 s; a notice in Japanese only, 6 s.
    play::Player player(*screen, *fonts,
                        items(R"({"type": "notice", "id": "matsuri", "duration": 12,
                  "title": {"ja": "港区民まつり", "en": "Minato Citizens' Festival",
                            "ko": "미나토 구민 축제"}},
                 {"type": "notice", "id": "madoguchi", "duration": 6, "title": "窓口のご案内"})"),
                        play::PlayerOptions{.languages = {"ja", "en", "ko"},
                                            .language_layout = play::LanguageLayout::split,
                                            .crossfade = 0ms,
                                            .transition = render::TransitionKind::cut,
                                            .zone = date::locate_zone("Asia/Tokyo")});
    model::VirtualClock clock(start);
    std::vector<std::pair<std::string, std::string>> shown;
    std::vector<steady_clock::duration> lengths;
    auto settled_at = clock.now().monotonic;
    for (int i = 0; i < 40 && shown.size() < 5; ++i) {
        const play::UpdateResult result = player.update(clock.now());
        if (result.slide_settled) {
            if (!shown.empty()) {
                lengths.push_back(clock.now().monotonic - settled_at);
            }
            settled_at = clock.now().monotonic;
            shown.emplace_back(result.item_id, result.language);
        }
        clock.advance_to(result.next_deadline);
    }
    CHECK(shown == std::vector<std::pair<std::string, std::string>>{{"matsuri", "ja"},
                                                                    {"matsuri", "en"},
                                                                    {"matsuri", "ko"},
                                                                    {"madoguchi", "ja"},
                                                                    {"matsuri", "ja"}});
    REQUIRE(lengths.size() == 4);
    // 12 s in three parts of 4 s; the Japanese-only notice keeps its 6 s.
    CHECK(lengths[0] == 4s);
    CHECK(lengths[1] == 4s);
    CHECK(lengths[2] == 4s);
    CHECK(lengths[3] == 6s);
}

TEST_CASE("player: a slide painted over the layer another slide left is exactly as on a new one") {
    OffScreenPlayer setup(R"({"type": "notice", "id": "a", "title": "一", "duration": 5},
        {"type": "notice", "id": "b", "duration": 5, "importance": "important",
         "title": "年末年始の窓口のご案内", "body": "12月29日から1月3日まで休みます。"},
        {"type": "notice", "id": "c", "title": "二", "duration": 5})");
    play::Player& player = *setup.player;
    model::VirtualClock clock(start);
    std::vector<std::pair<std::string, std::vector<std::uint8_t>>> settled;
    for (int i = 0; i < 200 && settled.size() < 4; ++i) {
        const play::UpdateResult result = player.update(clock.now());
        if (result.slide_settled) {
            auto frame = setup.screen->sample_last_frame(320, 180);
            REQUIRE(frame.has_value());
            settled.emplace_back(result.item_id, frame->luma);
        }
        clock.advance_to(result.next_deadline);
    }
    REQUIRE(settled.size() == 4);
    CHECK(settled[0].first == "a");
    CHECK(settled[3].first == "a");
    // "a" came back on the layer "b" (the busiest slide) had: nothing of "b" shows through.
    CHECK(settled[3].second == settled[0].second);
    CHECK(settled[1].second != settled[0].second);
}
