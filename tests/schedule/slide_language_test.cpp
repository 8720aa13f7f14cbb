// Which language each appearance of an item shows on a screen of several languages.
#include "schedule/slide_language.hpp"

#include <doctest/doctest.h>

#include <map>

#include "model/playlist_parser.hpp"

using namespace keiji;

namespace {

model::Item parse_one(const char* json) {
    auto playlist = model::parse_playlist_text(json, "test.json");
    REQUIRE(playlist.has_value());
    return playlist->items.front();
}

}  // namespace

TEST_CASE(
    "languages: an item is shown in the screen's languages it has, in turn, never in others") {
    const model::Item item = parse_one(R"({"items": [{"type": "notice", "id": "gujo",
        "title": {"ja": "郡上おどりin青山", "en": "Gujo Odori in Aoyama", "ko": "아오야마 구조 오도리"}}]})");
    schedule::LanguageRotation rotation({"ja", "en", "vi", "ko"});
    std::vector<std::string> shown;
    for (int i = 0; i < 6; ++i) {
        shown.push_back(rotation.next(item));
    }
    // Vietnamese is configured but the item has none: it is skipped, not faked.
    CHECK(shown == std::vector<std::string>{"ja", "en", "ko", "ja", "en", "ko"});
    CHECK(rotation.several());

    const model::Item japanese_only =
        parse_one(R"({"items": [{"type": "notice", "id": "n", "title": "お知らせ"}]})");
    schedule::LanguageRotation english_first({"en", "ko"});
    // Written in none of them: shown in its Japanese, the ward's fallback, every time.
    CHECK(english_first.next(japanese_only) == "ja");
    CHECK(english_first.next(japanese_only) == "ja");
    CHECK(schedule::language_name("ko") == "한국어");
    CHECK(schedule::language_name("ja-x-easy") == "やさしいにほんご");
}

TEST_CASE("languages: every language an item has gets the same share of its appearances") {
    const model::Item item = parse_one(R"({"items": [{"type": "notice", "id": "x",
        "title": {"ja": "お知らせ", "ja-x-easy": "おしらせ", "en": "Notice", "zh-Hans": "通知",
                  "ko": "알림"}}]})");
    schedule::LanguageRotation rotation({"ja", "ja-x-easy", "en", "zh-Hans", "ko"});
    std::map<std::string, int> counts;
    CHECK(rotation.peek(item) == "ja");
    for (int i = 0; i < 50; ++i) {
        ++counts[rotation.next(item)];
    }
    CHECK(counts == std::map<std::string, int>{
                        {"en", 10}, {"ja", 10}, {"ja-x-easy", 10}, {"ko", 10}, {"zh-Hans", 10}});
}

TEST_CASE("languages: an item that names its own languages is shown in those, not the screen's") {
    const model::Item item = parse_one(R"({"items": [{"type": "notice", "id": "kr",
        "languages": ["ko", "ja"],
        "title": {"ja": "防災訓練", "en": "Drill", "ko": "방재 훈련"}}]})");
    schedule::LanguageRotation rotation({"ja", "en"});
    CHECK(rotation.next(item) == "ko");
    CHECK(rotation.next(item) == "ja");
    CHECK(rotation.next(item) == "ko");
}

TEST_CASE("languages, split layout: an appearance is cut in equal readable parts") {
    using std::chrono::seconds;
    // 15 s among 5 languages: 3 s each, all of them.
    CHECK(schedule::plan_split(seconds{15}, 5).parts == 5);
    CHECK(schedule::plan_split(seconds{15}, 5).part == seconds{3});
    // 10 s among 2: 5 s each.
    CHECK(schedule::plan_split(seconds{10}, 2).parts == 2);
    CHECK(schedule::plan_split(seconds{10}, 2).part == seconds{5});
    // 8 s among 5: never under 3 s, so two of them now (4 s each), the rest next time.
    CHECK(schedule::plan_split(seconds{8}, 5).parts == 2);
    CHECK(schedule::plan_split(seconds{8}, 5).part == seconds{4});
    // Too short to split at all, and one language: the whole slot.
    CHECK(schedule::plan_split(seconds{2}, 3).parts == 1);
    CHECK(schedule::plan_split(seconds{2}, 3).part == seconds{2});
    CHECK(schedule::plan_split(seconds{10}, 1).part == seconds{10});
}

TEST_CASE("languages, split layout: languages left over go on at the next appearance") {
    const model::Item item = parse_one(R"({"items": [{"type": "notice", "id": "x",
        "title": {"ja": "お知らせ", "en": "Notice", "zh-Hans": "通知", "ko": "알림"}}]})");
    schedule::LanguageRotation rotation({"ja", "ja-x-easy", "en", "zh-Hans", "ko"});
    CHECK(rotation.next_several(item, 2) == std::vector<std::string>{"ja", "en"});
    CHECK(rotation.next_several(item, 2) == std::vector<std::string>{"zh-Hans", "ko"});
    CHECK(rotation.next_several(item, 9) == std::vector<std::string>{"ja", "en", "zh-Hans", "ko"});
}
