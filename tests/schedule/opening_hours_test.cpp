// The playlist-level "opening_hours" and "outside_hours" as the parser reads them.
#include "fixtures.hpp"
#include "schedule/eligibility.hpp"

using namespace keiji;
using keiji::testing::at;
using keiji::testing::tokyo;

TEST_CASE("opening hours: parsed like an item's schedule, still by default") {
    const auto playlist = keiji::testing::playlist(R"({
        "opening_hours": {"weekdays": ["mon", "tue", "wed", "thu", "fri"],
                          "times": [{"from": "08:30", "until": "17:15"}]},
        "items": [{"type": "notice", "id": "a", "title": "x"}]})");
    REQUIRE(playlist.opening_hours.has_value());
    CHECK(playlist.opening_hours->outside == model::OutsideHours::still);
    const auto& hours = playlist.opening_hours->hours;
    CHECK(schedule::schedule_allows(hours, at("2025-05-12T08:30"), tokyo()));
    CHECK_FALSE(schedule::schedule_allows(hours, at("2025-05-12T17:15"), tokyo()));
    CHECK_FALSE(schedule::schedule_allows(hours, at("2025-05-10T12:00"), tokyo()));  // Saturday.
}

TEST_CASE("opening hours: mistakes are errors with their location, in both languages") {
    struct Row {
        const char* json;
        const char* pointer;
        const char* english;
        const char* japanese;
    };
    const Row rows[] = {
        {R"({"outside_hours": "blank", "items": [{"type": "notice", "id": "a", "title": "x"}]})",
         "/outside_hours", "needs \"opening_hours\"", "「opening_hours」が必要"},
        {R"({"opening_hours": {}, "outside_hours": "dark",
             "items": [{"type": "notice", "id": "a", "title": "x"}]})",
         "/outside_hours", "must be \"still\"", "消灯"},
        {R"({"opening_hours": {"times": [{"from": "08:30", "until": "25:00"}]},
             "items": [{"type": "notice", "id": "a", "title": "x"}]})",
         "/opening_hours/times/0/until", "is not a time", "時刻として読めません"},
        {R"({"opening_hours": {"weekdays": ["monday"]},
             "items": [{"type": "notice", "id": "a", "title": "x"}]})",
         "/opening_hours/weekdays/0", "a weekday must be", "曜日は"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.json);
        const auto parsed = model::parse_playlist_text(row.json, "p.json");
        REQUIRE_FALSE(parsed.has_value());
        REQUIRE(parsed.error().size() == 1);
        const model::Error& error = parsed.error().front();
        CHECK(error.where.pointer == row.pointer);
        CHECK(error.where.line >= 1);
        CHECK(error.message.en.find(row.english) != std::string::npos);
        CHECK(error.message.ja.find(row.japanese) != std::string::npos);
    }
}
