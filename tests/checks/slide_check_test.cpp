// The checks that draw: a slide painted with the player's renderer and judged on its pixels. The
// check renderer keeps its layers between slides, so what one slide leaves must never show in
// or change the judgement of the next.
#include "checks/slide_check.hpp"

#include <date/tz.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>

#include "checks/preview.hpp"
#include "playlist_text.hpp"
#include "render/sdl_runtime.hpp"

using namespace keiji;

namespace {

constexpr const char* lobby = R"({"items": [
  {"type": "notice", "id": "pension", "duration": 20,
   "title": "国民年金保険料の納付について",
   "body": "保険料は納付書で、銀行・郵便局・コンビニエンスストアでお支払いいただけます。"},
  {"type": "notice", "id": "drill", "duration": 20, "importance": "important",
   "title": "防災訓練のお知らせ",
   "body": "12月6日(土)午前10時から、区役所1階で防災訓練を行います。"}
]})";

checks::ScreenUnderCheck lobby_screen() {
    checks::ScreenUnderCheck screen;
    screen.frame = {960, 540};
    screen.zone = date::locate_zone("Asia/Tokyo");
    screen.at = date::make_zoned(screen.zone, date::local_days{date::November / 30 / 2026} +
                                                  std::chrono::hours{10})
                    .get_sys_time();
    return screen;
}

bool mentions_contrast(const model::Errors& problems) {
    return std::ranges::any_of(problems, [](const model::Error& problem) {
        return problem.text("en").find("contrast") != std::string::npos;
    });
}

bool same_pixels(const SDL_Surface& a, const SDL_Surface& b) {
    if (a.w != b.w || a.h != b.h || a.pitch != b.pitch) {
        return false;
    }
    return std::memcmp(a.pixels, b.pixels, std::size_t(a.pitch) * std::size_t(a.h)) == 0;
}

}  // namespace

TEST_CASE("slide check: pale text on the paper is reported as hard to read, the house ink is not") {
    const render::SdlRuntime sdl;
    REQUIRE(sdl.failure().empty());
    const checks::ScreenUnderCheck screen = lobby_screen();
    auto renderer = checks::CheckRenderer::open(screen);
    REQUIRE(renderer.has_value());
    const storage::PlaylistFile file = test::parse_playlist(lobby);

    checks::SlideCheckSetup setup{.shot = {.at = screen.at, .zone = screen.zone}};
    setup.shot.theme.ink = {0xD8, 0xD6, 0xD0};  // On the paper (F6F4EE): about 1.3:1.
    const model::Errors pale = checks::check_slide(**renderer, file, 0, setup);
    REQUIRE(mentions_contrast(pale));
    const auto at_body = std::ranges::find_if(pale, [](const model::Error& problem) {
        return problem.text("en").find("contrast") != std::string::npos;
    });
    CHECK(at_body->where.pointer.starts_with("/items/0/"));

    // The same renderer and layers, the theme as shipped: nothing of the pale slide is left.
    setup.shot.theme = render::Theme{};
    CHECK_FALSE(mentions_contrast(checks::check_slide(**renderer, file, 0, setup)));
}

TEST_CASE("slide check: a preview drawn after another slide is the preview drawn first") {
    const render::SdlRuntime sdl;
    REQUIRE(sdl.failure().empty());
    const checks::ScreenUnderCheck screen = lobby_screen();
    const storage::PlaylistFile file = test::parse_playlist(lobby);

    auto fresh = checks::CheckRenderer::open(screen);
    REQUIRE(fresh.has_value());
    auto alone = checks::preview_item(file, 0, screen, **fresh);
    REQUIRE(alone.has_value());

    auto reused = checks::CheckRenderer::open(screen);
    REQUIRE(reused.has_value());
    REQUIRE(checks::preview_item(file, 1, screen, **reused).has_value());
    auto after = checks::preview_item(file, 0, screen, **reused);
    REQUIRE(after.has_value());
    CHECK(same_pixels(*alone->picture, *after->picture));
    CHECK(alone->problems.size() == after->problems.size());
}
