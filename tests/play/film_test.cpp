// Films on the stage, on a virtual clock and an off-screen renderer: every picture at its time,
// 30 a second, and no frame without content when a film hands over to another or to a still.
#include <SDL.h>
#include <doctest/doctest.h>

#include <cmath>
#include <optional>

#include "../media/test_videos.hpp"
#include "model/playlist_parser.hpp"
#include "play/player.hpp"
#include "sdl_fixture.hpp"

using namespace keiji;
using namespace std::chrono;

namespace {

// A grey 320×180 film of `seconds` at 30 fps whose luma is `luma` (an ffmpeg geq expression of
// the frame number N): every picture says which it is, read back from the screen's centre.
// Nearly lossless, so the grey survives H.264.
std::string grey_film(const std::string& name, const std::string& luma, int seconds) {
    const std::string length = std::to_string(seconds);
    return test::test_video(name + "-" + length + "s.mp4",
                            "-f lavfi -i nullsrc=size=320x180:rate=30:duration=" + length +
                                ",geq=lum='" + luma +
                                "':cb=128:cr=128 -c:v libx264 -preset ultrafast -crf 1 "
                                "-pix_fmt yuv420p");
}

// Luma 60 + 5·(n mod 30): frame n of each second.
std::string counting_film(int seconds) {
    return grey_film("counting", "60+5*mod(N\\,30)", seconds);
}

// The counting film in another codec and size, as the ward's films come: H.265 and VP9 at 1080p,
// H.264 at 4K (each nearly lossless, so the grey says the frame).
std::string counting_film_as(const std::string& codec, const std::string& size, int seconds) {
    const std::string length = std::to_string(seconds);
    const std::string encoder =
        codec == "hevc"  ? "-c:v libx265 -preset ultrafast -x265-params lossless=1:log-level=none"
        : codec == "vp9" ? "-c:v libvpx-vp9 -lossless 1 -deadline realtime -cpu-used 8"
                         : "-c:v libx264 -preset ultrafast -crf 1";
    return test::test_video(
        "counting-" + codec + "-" + size + "-" + length + "s." + (codec == "vp9" ? "webm" : "mp4"),
        "-f lavfi -i nullsrc=size=" + size + ":rate=30:duration=" + length +
            ",geq=lum='60+5*mod(N\\,30)':cb=128:cr=128 " + encoder + " -pix_fmt yuv420p");
}

// A second film, never dark either: luma 200 falling to 110 over each second.
std::string falling_film(int seconds) {
    return grey_film("falling", "200-3*mod(N\\,30)", seconds);
}

std::vector<model::Item> items(const std::string& json) {
    auto playlist = model::parse_playlist_text("{\"items\": [" + json + "]}", "films.json");
    REQUIRE(playlist.has_value());
    return playlist->items;
}

const system_clock::time_point start = sys_days{2026y / December / 1} + 1h + 5s;

struct FilmStage {
    explicit FilmStage(const std::string& items_json,
                       render::TransitionKind transition = render::TransitionKind::crossfade)
        : fonts(render::FontSet::create(render::FontSet::debian_default_chain())),
          screen(render::Screen::open_headless(320, 180)) {
        REQUIRE(fonts.has_value());
        REQUIRE(screen.has_value());
        player.emplace(*screen, *fonts, items(items_json),
                       play::PlayerOptions{.transition = transition,
                                           .zone = date::locate_zone("Asia/Tokyo"),
                                           .wait_for_pictures = true});
    }
    // The grey at the centre of what was last presented (the film's place: no band).
    int centre_grey() {
        auto frame = screen->capture();
        REQUIRE(frame.has_value());
        const SDL_Surface& surface = **frame;
        const auto* row = static_cast<const std::uint8_t*>(surface.pixels) +
                          std::ptrdiff_t(surface.h / 2) * surface.pitch;
        const Uint32 pixel = reinterpret_cast<const Uint32*>(row)[surface.w / 2];
        return int((pixel >> 8) & 0xFF);  // Green of ARGB: grey has R = G = B.
    }
    test::SdlFixture sdl;
    model::Result<render::FontSet> fonts;
    model::Result<render::Screen> screen;
    std::optional<play::Player> player;
};

// The frame of the counting film a grey shows (BT.601 limited range: luma 16–235 → 0–255).
int counting_frame(int grey) {
    const double luma = 16.0 + grey * 219.0 / 255.0;
    return int(std::lround((luma - 60.0) / 5.0));
}

// Plays a counting film's item for `length` on the virtual clock and reads back every picture
// presented: how many, how many were not the one due then, and how many turns the loop took.
struct CountingRun {
    int pictures = 0;
    int wrong = 0;
    int updates = 0;
};
CountingRun play_counting(const std::string& film, nanoseconds length) {
    FilmStage stage(R"({"type": "video", "id": "count", "title": "x", "band": false,
                        "duration": 30, "video": ")" +
                    film + R"("})");
    model::VirtualClock clock(start);
    const auto began = clock.now().monotonic;
    CountingRun run;
    while (clock.now().monotonic < began + length) {
        const play::UpdateResult result = stage.player->update(clock.now());
        ++run.updates;
        if (result.film_pictures > 0) {
            run.pictures += result.film_pictures;
            CHECK(result.presented);
            const double seconds = duration<double>(clock.now().monotonic - began).count();
            const int expected = int(std::lround(seconds * 30)) % 30;
            const int shown = counting_frame(stage.centre_grey());
            if (shown != expected) {
                ++run.wrong;
                CAPTURE(seconds);
                CHECK(shown == expected);
            }
        }
        REQUIRE(result.next_deadline > clock.now().monotonic);
        clock.advance_to(result.next_deadline);
    }
    return run;
}

}  // namespace

TEST_CASE("film: 10 s of a 30 fps film are 300 pictures, each shown at its own time") {
    // The film loops two and a half times.
    const CountingRun run = play_counting(counting_film(4), 10s);
    CHECK(run.wrong == 0);
    // Within 1 %: 297 to 303 pictures.
    CHECK(run.pictures >= 297);
    CHECK(run.pictures <= 303);
    // The loop slept from one picture to the next: no turn without work but the minute's.
    CHECK(run.updates <= run.pictures + 2);
}

TEST_CASE("film: H.265 and VP9 at 1080p and H.264 at 4K show the picture due at each time") {
    struct Case {
        std::string codec;
        std::string size;
    };
    for (const Case& film_case :
         {Case{"hevc", "1920x1080"}, Case{"vp9", "1920x1080"}, Case{"h264", "3840x2160"}}) {
        CAPTURE(film_case.codec);
        CAPTURE(film_case.size);
        // 5 s: the 3 s film and most of its second turn.
        const CountingRun run =
            play_counting(counting_film_as(film_case.codec, film_case.size, 3), 5s);
        CHECK(run.wrong == 0);
        CHECK(run.pictures >= 148);  // 150 within 1 %.
        CHECK(run.pictures <= 152);
    }
}

TEST_CASE("film: played once, the last picture stays and the screen goes still") {
    const std::string film = counting_film(2);
    FilmStage stage(R"({"type": "video", "id": "once", "title": "x", "band": false,
                        "play": "once", "duration": 30, "video": ")" +
                    film + R"("})");
    model::VirtualClock clock(start);
    const auto began = clock.now().monotonic;
    int pictures = 0;
    int updates_after_end = 0;
    while (clock.now().monotonic < began + 6s) {
        const play::UpdateResult result = stage.player->update(clock.now());
        pictures += result.film_pictures;
        if (clock.now().monotonic > began + 2500ms) {
            ++updates_after_end;
        }
        clock.advance_to(result.next_deadline);
    }
    CHECK(pictures == 60);
    CHECK(counting_frame(stage.centre_grey()) == 29);  // The last picture of the second.
    // After the end only the header's minute may wake it (10:00:05 → 10:01 is later).
    CHECK(updates_after_end <= 1);
}

TEST_CASE("film: a film hands over to another, and a still to a film and back, never black") {
    const std::string counting = counting_film(4);
    const std::string falling = falling_film(4);
    FilmStage stage(R"({"type": "notice", "id": "still", "title": "お知らせ", "duration": 3},
                       {"type": "video", "id": "a", "title": "x", "band": false, "duration": 3,
                        "video": ")" +
                    counting + R"("},
                       {"type": "video", "id": "b", "title": "y", "band": false, "duration": 3,
                        "video": ")" +
                    falling + R"("})");
    model::VirtualClock clock(start);
    const auto began = clock.now().monotonic;
    int frames = 0;
    int transition_frames = 0;
    int darkest = 255;
    std::vector<std::string> order;
    while (clock.now().monotonic < began + 13s) {
        const play::UpdateResult result = stage.player->update(clock.now());
        if (result.presented) {
            ++frames;
            transition_frames += result.transitioning ? 1 : 0;
            // Paper, the counting film (grey ≥ 51) and the falling one (≥ 110), and any blend
            // of them: nothing near black.
            darkest = std::min(darkest, stage.centre_grey());
        }
        if (result.slide_settled) {
            order.push_back(result.item_id);
        }
        clock.advance_to(result.next_deadline);
    }
    CHECK(order == std::vector<std::string>{"still", "a", "b", "still"});
    CHECK(transition_frames >= 3 * 25);  // Three crossfades of 1 s, every one looked at.
    CHECK(frames > 200);
    CHECK(darkest >= 45);
}

TEST_CASE("film: cut from one film to the next, every frame is a picture of one of them") {
    const std::string counting = counting_film(4);
    const std::string falling = falling_film(4);
    FilmStage stage(R"({"type": "video", "id": "a", "title": "x", "band": false, "duration": 3,
                        "video": ")" +
                        counting + R"("},
                       {"type": "video", "id": "b", "title": "y", "band": false, "duration": 3,
                        "video": ")" +
                        falling + R"("})",
                    render::TransitionKind::cut);
    model::VirtualClock clock(start);
    const auto began = clock.now().monotonic;
    std::vector<int> greys;
    std::vector<std::string> shown;
    while (clock.now().monotonic < began + 7s) {
        const play::UpdateResult result = stage.player->update(clock.now());
        if (result.presented) {
            greys.push_back(stage.centre_grey());
            shown.push_back(result.item_id);
        }
        clock.advance_to(result.next_deadline);
    }
    // Each frame shows the counting film (grey 51–212 by its picture) or the falling one
    // (grey 129–215); the first frame of b is its first picture, not black or a stale a.
    const auto b_first = std::ranges::find(shown, "b");
    REQUIRE(b_first != shown.end());
    const std::size_t swap = std::size_t(b_first - shown.begin());
    CHECK(std::abs(greys.at(swap) - 215) <= 3);
    for (std::size_t i = 0; i < greys.size(); ++i) {
        CAPTURE(i);
        CHECK(greys[i] >= 45);
    }
}

namespace {

// Frame n of this film shows luma 40 + 5·(n mod 40): a period of 1⅓ s, so a film that started
// again at a whole second would show another picture than one that went on.
std::string period_film() {
    return grey_film("period40-step5", "40+5*mod(N\\,40)", 4);
}

int period_frame(int grey) {
    const double luma = 16.0 + grey * 219.0 / 255.0;
    return int(std::lround((luma - 40.0) / 5.0));
}

}  // namespace

TEST_CASE("film: the only eligible looping film goes on through its slot's end") {
    FilmStage stage(R"({"type": "video", "id": "loop", "title": "x", "band": false,
                        "duration": 3, "video": ")" +
                    period_film() + R"("})");
    model::VirtualClock clock(start);
    const auto began = clock.now().monotonic;
    int checked_after_slot = 0;
    while (clock.now().monotonic < began + 5s) {
        const play::UpdateResult result = stage.player->update(clock.now());
        if (result.film_pictures > 0) {
            const double seconds = duration<double>(clock.now().monotonic - began).count();
            const int expected = int(std::lround(seconds * 30)) % 40;
            CAPTURE(seconds);
            CHECK(period_frame(stage.centre_grey()) == expected);
            checked_after_slot += seconds > 3.0 ? 1 : 0;
        }
        clock.advance_to(result.next_deadline);
    }
    CHECK(checked_after_slot >= 55);
}

TEST_CASE("film: new content keeps the film on screen playing until its slide is over") {
    FilmStage stage(R"({"type": "video", "id": "loop", "title": "x", "band": false,
                        "duration": 8, "video": ")" +
                    period_film() + R"("})");
    model::VirtualClock clock(start);
    const auto began = clock.now().monotonic;
    while (clock.now().monotonic < began + 1s) {
        clock.advance_to(stage.player->update(clock.now()).next_deadline);
    }
    // The feed changed: a new player takes the slide on screen, film and all.
    std::optional<play::CarriedSlide> carried = stage.player->take_slide();
    REQUIRE(carried.has_value());
    CHECK(carried->film != nullptr);
    stage.player.reset();
    stage.player.emplace(
        *stage.screen, *stage.fonts,
        items(R"({"type": "notice", "id": "new", "title": "新しいお知らせ"})"),
        play::PlayerOptions{.zone = date::locate_zone("Asia/Tokyo"), .wait_for_pictures = true});
    stage.player->continue_from(std::move(*carried));
    int pictures = 0;
    while (clock.now().monotonic < began + 3s) {
        const play::UpdateResult result = stage.player->update(clock.now());
        if (result.film_pictures > 0) {
            pictures += result.film_pictures;
            const double seconds = duration<double>(clock.now().monotonic - began).count();
            CAPTURE(seconds);
            CHECK(period_frame(stage.centre_grey()) == int(std::lround(seconds * 30)) % 40);
        }
        clock.advance_to(result.next_deadline);
    }
    CHECK(pictures >= 59);  // Two more seconds of it, at 30 a second.
}
