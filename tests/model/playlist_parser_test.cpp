#include "model/playlist_parser.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_paths.hpp"

using namespace keiji::model;
using namespace std::chrono;

namespace {

std::expected<Playlist, Errors> parse(const std::string& items_json) {
    return parse_playlist_text("{\"items\": [" + items_json + "]}", "test/p.json");
}

}  // namespace

TEST_CASE("playlist: a promo with every field") {
    const auto playlist = parse(R"({
        "type": "promo", "id": "gujo", "duration": 12, "priority": 2, "weight": 1.5,
        "prefecture": {"ja": "岐阜県", "en": "Gifu"}, "municipality": {"ja": "郡上市"},
        "title": "郡上おどりin青山", "body": {"ja": "毎年6月", "ja-x-easy": "まいとし 6がつ"},
        "image": "images/gujo.png", "url": "https://example.jp/gujo"})");
    REQUIRE(playlist.has_value());
    REQUIRE(playlist->items.size() == 1);
    const Item& item = playlist->items[0];
    CHECK(item.id == "gujo");
    CHECK(item.duration == 12s);
    CHECK(item.priority == 2);
    CHECK(item.weight == doctest::Approx(1.5));
    const auto& promo = std::get<PromoContent>(item.content);
    CHECK(promo.prefecture.pick("en") == "Gifu");
    CHECK(promo.municipality.pick("en") == "郡上市");
    CHECK(promo.title.pick("ja") == "郡上おどりin青山");  // A plain string is Japanese.
    CHECK(promo.body.pick("ja-x-easy") == "まいとし 6がつ");
    CHECK(promo.image == "images/gujo.png");
    CHECK(promo.url == "https://example.jp/gujo");
    CHECK(type_name(item.content) == "promo");
}

TEST_CASE("playlist: defaults for optional fields") {
    const auto playlist = parse(R"({"type": "notice", "id": "n", "title": "お知らせ"})");
    REQUIRE(playlist.has_value());
    const Item& item = playlist->items[0];
    CHECK(item.duration == 10s);
    CHECK(item.priority == 0);
    CHECK(item.weight == doctest::Approx(1.0));
    CHECK_FALSE(item.schedule.from.has_value());
    CHECK(std::get<NoticeContent>(item.content).importance == Importance::normal);
}

TEST_CASE("playlist: an event's sessions are sorted and keep their zone-converted times") {
    const auto playlist = parse(R"({
        "type": "event", "id": "marche", "title": "全国連携マルシェin芝浦",
        "venue": "区立プラタナス公園", "announce_days": 14,
        "sessions": [
            {"start": "2025-05-11T11:00:00+09:00", "end": "2025-05-11T16:00:00+09:00"},
            {"start": "2025-05-10T11:00:00+09:00", "end": "2025-05-10T16:00:00+09:00"}]})");
    REQUIRE(playlist.has_value());
    const auto& event = std::get<EventContent>(playlist->items[0].content);
    REQUIRE(event.sessions.size() == 2);
    CHECK(event.sessions[0].start == sys_days{2025y / May / 10} + 2h);
    CHECK(event.sessions[1].end == sys_days{2025y / May / 11} + 7h);
    CHECK(event.announce_days == 14);
}

TEST_CASE("playlist: schedules with dates, weekdays and windows") {
    const auto playlist = parse(R"({
        "type": "notice", "id": "n", "title": "t",
        "schedule": {"from": "2025-04-01", "until": "2026-03-31", "weekdays": ["sat", "sun"],
                     "times": [{"from": "22:00", "until": "02:00"}, {"from": "09:00", "until": "24:00"}]}})");
    REQUIRE(playlist.has_value());
    const ItemSchedule& schedule = playlist->items[0].schedule;
    CHECK(schedule.from == 2025y / April / 1);
    CHECK(schedule.until == 2026y / March / 31);
    CHECK(schedule.weekdays == std::array<bool, 7>{true, false, false, false, false, false, true});
    REQUIRE(schedule.windows.size() == 2);
    CHECK(schedule.windows[0].start.minutes == 22 * 60);
    CHECK(schedule.windows[0].end.minutes == 2 * 60);
    CHECK(schedule.windows[1].end.minutes == 24 * 60);
}

TEST_CASE("playlist: several mistakes in one file are all reported") {
    const auto playlist = parse(R"(
        {"type": "notice", "id": "a", "titel": "x"},
        {"type": "notice", "id": "b", "title": "y", "duration": "ten"},
        {"type": "notice", "id": "a", "title": "z"})");
    REQUIRE_FALSE(playlist.has_value());
    std::vector<std::string> pointers;
    for (const Error& error : playlist.error()) {
        pointers.push_back(error.where.pointer);
    }
    // "titel" is one report, a typo for the missing "title", not an unknown field and a missing
    // one.
    CHECK(pointers ==
          std::vector<std::string>{"/items/0/titel", "/items/1/duration", "/items/2/id"});
}

TEST_CASE("playlist: table of field errors, each at its pointer, in both languages") {
    struct Case {
        const char* item;
        const char* pointer;
        const char* english;
    };
    for (
        const Case& c : {
            Case{R"({"id": "a", "title": "x"})", "/items/0", "\"type\" is missing"},
            Case{R"({"type": 3, "id": "a"})", "/items/0/type", "must be text"},
            Case{R"({"type": "notice", "title": "x"})", "/items/0", "\"id\" is missing"},
            Case{R"({"type": "notice", "id": "", "title": "x"})", "/items/0/id",
                 "must not be empty"},
            Case{R"({"type": "notice", "id": "a", "title": "x", "duration": 4000})",
                 "/items/0/duration", "between 3 and 3600"},
            Case{R"({"type": "notice", "id": "a", "title": "x", "duration": 7.5})",
                 "/items/0/duration", "whole number"},
            Case{R"({"type": "notice", "id": "a", "title": "x", "weight": 0})", "/items/0/weight",
                 "between"},
            Case{R"({"type": "notice", "id": "a", "title": {}})", "/items/0/title", "no text"},
            Case{R"({"type": "notice", "id": "a", "title": ["x"]})", "/items/0/title",
                 "text per language"},
            Case{R"({"type": "notice", "id": "a", "title": {"ja": 5}})", "/items/0/title/ja",
                 "double quotes"},
            Case{R"({"type": "notice", "id": "a", "title": "x", "importance": "urgent"})",
                 "/items/0/importance", "\"normal\" or \"important\""},
            Case{
                R"({"type": "notice", "id": "a", "title": "x", "schedule": {"weekdays": ["monday"]}})",
                "/items/0/schedule/weekdays/0", "weekday"},
            Case{
                R"({"type": "notice", "id": "a", "title": "x", "schedule": {"times": [{"from": "9:00", "until": "10:00"}]}})",
                "/items/0/schedule/times/0/from", "HH:MM"},
            Case{
                R"({"type": "notice", "id": "a", "title": "x", "schedule": {"times": [{"from": "10:00", "until": "10:00"}]}})",
                "/items/0/schedule/times/0/until", "same time"},
            Case{
                R"({"type": "notice", "id": "a", "title": "x", "schedule": {"from": "2025-05-02", "until": "2025-05-01"}})",
                "/items/0/schedule/until", "never play"},
            Case{R"({"type": "event", "id": "e", "title": "x", "venue": "v", "sessions": []})",
                 "/items/0/sessions", "at least one session"},
            Case{
                R"({"type": "event", "id": "e", "title": "x", "venue": "v", "sessions": [{"start": "2025-05-10T11:00+09:00", "end": "2025-05-10T11:00+09:00"}]})",
                "/items/0/sessions/0/end", "ends before it starts"},
            Case{
                R"({"type": "promo", "id": "p", "prefecture": "県", "municipality": "市", "title": "t", "image": 5})",
                "/items/0/image", "must be text"},
        }) {
        CAPTURE(c.item);
        const auto playlist = parse(c.item);
        REQUIRE_FALSE(playlist.has_value());
        const Error& first = playlist.error().front();
        CHECK(first.where.pointer == c.pointer);
        CHECK(first.message.en.find(c.english) != std::string::npos);
        CHECK_FALSE(first.message.ja.empty());
        CHECK(first.where.file == "test/p.json");
        CHECK(first.where.line == 1);
        CHECK(first.where.column > 1);
    }
}

TEST_CASE("playlist: the top level must be an object with items") {
    CHECK_FALSE(parse_playlist_text("{}", "p.json").has_value());
    CHECK_FALSE(parse_playlist_text("{\"items\": {}}", "p.json").has_value());
    const auto unknown = parse_playlist_text("{\"itmes\": []}", "p.json");
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().front().message.en.find("unknown field \"itmes\"") != std::string::npos);
}

TEST_CASE("playlist: errors format as file:line:col: error: /pointer: message") {
    const auto playlist = parse_playlist_text(
        "{\"items\": [\n  {\"type\": \"notice\", \"id\": 1, \"title\": \"x\"}]}", "p.json");
    REQUIRE_FALSE(playlist.has_value());
    CHECK(playlist.error().front().to_string() ==
          "p.json:2:28: error: /items/0/id: \"id\" must be text in double quotes, found a number");
    CHECK(playlist.error().front().to_string("ja_JP.UTF-8") ==
          "p.json:2:28: エラー: /items/0/id: "
          "「id」はダブルクォートで囲んだ文字列にしてください(数値 になっています)");
}

TEST_CASE("playlist: every bundled playlist parses") {
    int files = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(keiji::test::source_path("playlists"))) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        ++files;
        std::ifstream stream(entry.path());
        std::stringstream text;
        text << stream.rdbuf();
        const auto playlist = parse_playlist_text(text.str(), entry.path().string());
        CAPTURE(entry.path().string());
        if (!playlist) {
            FAIL(playlist.error().front().to_string());
        }
        CHECK_FALSE(playlist->items.empty());
    }
    CHECK(files >= 3);
}

TEST_CASE("playlist: a misspelt field is named with its best guess, even the item's type") {
    const auto typex = parse_playlist_text(R"({"items": [
  {"typex": "notice", "id": "a", "title": "お知らせ"}]})",
                                           "p.json");
    REQUIRE_FALSE(typex.has_value());
    REQUIRE(typex.error().size() == 1);
    CHECK(typex.error()[0].where.pointer == "/items/0/typex");
    CHECK(typex.error()[0].where.line == 2);
    CHECK(typex.error()[0].where.column == 4);
    CHECK(typex.error()[0].message.ja ==
          "「typex」という項目はありません(「type」の入力ミスでは?)");

    const auto titel = parse_playlist_text(
        R"({"items": [{"type": "notice", "id": "a", "Title": "x", "bdoy": "y"}]})", "p.json");
    REQUIRE_FALSE(titel.has_value());
    REQUIRE(titel.error().size() == 2);  // Not a third for the "missing" title.
    CHECK(titel.error()[0].message.en == "unknown field \"Title\" (a typo for \"title\"?)");
    CHECK(titel.error()[1].message.en == "unknown field \"bdoy\" (a typo for \"body\"?)");

    // A name like none of the allowed ones lists them instead of guessing.
    const auto far = parse_playlist_text(
        R"({"items": [{"type": "notice", "id": "a", "title": "x", "colour": "red"}]})", "p.json");
    REQUIRE_FALSE(far.has_value());
    CHECK(far.error()[0].message.en.find("allowed here:") != std::string::npos);
}

TEST_CASE("playlist: languages of an item, else of its playlist, each a tag keiji knows") {
    const auto playlist = parse_playlist_text(
        R"({"languages": ["ja", "ko"], "items": [
            {"type": "notice", "id": "own", "title": "お知らせ", "languages": ["en", "ja"]},
            {"type": "notice", "id": "inherits", "title": "お知らせ"}]})",
        "test/p.json");
    REQUIRE(playlist.has_value());
    CHECK(playlist->items[0].languages == std::vector<std::string>{"en", "ja"});
    CHECK(playlist->items[1].languages == std::vector<std::string>{"ja", "ko"});

    const auto typo =
        parse(R"({"type": "notice", "id": "n", "title": "x", "languages": ["ja", "jp"]})");
    REQUIRE_FALSE(typo.has_value());
    REQUIRE(typo.error().size() == 1);
    CHECK(typo.error()[0].where.pointer == "/items/0/languages/1");
    CHECK(typo.error()[0].text("ja").starts_with("「jp」は言語として使えません"));
}
