// validate on a screen of several languages: which items lack which of them.
#include "checks/language_check.hpp"

#include <doctest/doctest.h>

#include "playlist_text.hpp"

using namespace keiji;

namespace {

constexpr const char* lobby = R"({"items": [
  {"type": "notice", "id": "both", "title": {"ja": "お知らせ", "en": "Notice"}},
  {"type": "notice", "id": "japanese", "title": "窓口のご案内"},
  {"type": "notice", "id": "korean", "title": {"ja": "防災訓練", "ko": "방재 훈련"}}
]})";

}  // namespace

TEST_CASE("language check: each item that lacks a screen language is named at its title") {
    const storage::PlaylistFile file = test::parse_playlist(lobby);
    const std::vector<std::string> screen{"ja", "en", "ko"};
    const model::Errors problems = checks::check_languages(file, screen);
    REQUIRE(problems.size() == 4);  // Three items, then the count per language.
    CHECK(problems[0].where.pointer == "/items/0/title");
    CHECK(problems[0].text("en") ==
          "no title in ko: on a screen that shows ja, en, ko, this item is shown in ja, en only");
    CHECK(problems[1].where.pointer == "/items/1/title");
    CHECK(problems[1].text("ja").starts_with("タイトルに en・ko の文章がありません"));
    CHECK(problems[2].where.line == 4);
    CHECK(problems[3].text("en") ==
          "items without a language the screen shows: en 2 of 3, ko 2 of 3");
    for (const model::Error& problem : problems) {
        CHECK(problem.severity == model::Severity::warning);
    }
}

TEST_CASE("language check: a screen of one language asks for nothing") {
    const storage::PlaylistFile file = test::parse_playlist(lobby);
    const std::vector<std::string> screen{"ja"};
    CHECK(checks::check_languages(file, screen).empty());
}

TEST_CASE(
    "language check: a playlist's own languages are asked for even on a one-language screen") {
    const storage::PlaylistFile file =
        test::parse_playlist(R"({"languages": ["ja", "ko"], "items": [
      {"type": "notice", "id": "drill", "title": {"ja": "防災訓練"}}]})");
    const std::vector<std::string> screen{"ja"};
    const model::Errors problems = checks::check_languages(file, screen);
    REQUIRE(problems.size() == 2);
    CHECK(problems[1].text("en") == "items without a language the screen shows: ko 1 of 1");
}
