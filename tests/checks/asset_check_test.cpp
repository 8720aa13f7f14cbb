// The images a playlist names, checked as the screen loads them; a photo several items share is
// examined once but reported at each item.
#include "checks/asset_check.hpp"

#include <doctest/doctest.h>

#include "sdl_fixture.hpp"

using namespace keiji;

TEST_CASE("asset check: a missing photo two items share is reported at each of them") {
    const test::SdlFixture sdl;
    auto file = storage::parse_playlist_file(R"({"items": [
      {"type": "promo", "id": "gujo", "prefecture": "岐阜県", "municipality": "郡上市",
       "title": "郡上おどりin青山", "image": "missing.png"},
      {"type": "notice", "id": "plain", "title": "窓口のご案内"},
      {"type": "promo", "id": "gujo-en", "prefecture": "岐阜県", "municipality": "郡上市",
       "title": "Gujo Odori in Aoyama", "image": "missing.png"}
    ]})",
                                             "lobby.json", "/nonexistent");
    REQUIRE(file.has_value());
    const model::Errors problems = checks::check_images(*file, render::Frame{1920, 1080});
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].where.pointer == "/items/0/image");
    CHECK(problems[0].where.line == 3);
    CHECK(problems[1].where.pointer == "/items/2/image");
    CHECK(problems[1].where.line == 6);
    CHECK(problems[1].text("en").starts_with("the image file \"missing.png\" does not exist"));
}
