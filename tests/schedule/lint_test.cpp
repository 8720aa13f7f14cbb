// Schedules that parse but can never play: the validator warns about them.
#include "schedule/lint.hpp"

#include "fixtures.hpp"

using namespace keiji;
using keiji::testing::notice;
using keiji::testing::tokyo;

TEST_CASE("never plays: table") {
    struct Row {
        const char* rule;
        const char* schedule;
        bool never;
    };
    const Row rows[] = {
        {"no schedule", "", false},
        {"a Monday-only range with weekdays sat",
         R"({"from": "2025-05-12", "until": "2025-05-12", "weekdays": ["sat"]})", true},
        {"no weekday at all", R"({"weekdays": []})", true},
        {"a Saturday range with weekdays sat",
         R"({"from": "2025-05-10", "until": "2025-05-10", "weekdays": ["sat"]})", false},
        {"the leap day is a Tuesday",
         R"({"from": "2028-02-29", "until": "2028-02-29", "weekdays": ["tue"]})", false},
        {"the leap day is not a Wednesday",
         R"({"from": "2028-02-29", "until": "2028-02-29", "weekdays": ["wed"]})", true},
        {"a Friday night window on a one-day Saturday range: the 01:00 part is Friday's",
         R"({"from": "2025-05-10", "until": "2025-05-10", "weekdays": ["fri"],
             "times": [{"from": "22:00", "until": "02:00"}]})",
         true},
        {"a Friday night window on a Friday range",
         R"({"from": "2025-05-09", "until": "2025-05-09", "weekdays": ["fri"],
             "times": [{"from": "22:00", "until": "02:00"}]})",
         false},
        {"a long past range still plays in its time", R"({"until": "2001-01-01"})", false},
    };
    for (const Row& row : rows) {
        CAPTURE(row.rule);
        CHECK(schedule::never_plays(notice(row.schedule), tokyo()) == row.never);
    }
}

TEST_CASE("never plays: an event outside the item's own dates") {
    const auto outside = keiji::testing::items(keiji::testing::marche_json(
                                                   14, R"(, "schedule": {"until": "2025-04-01"})"))
                             .front();
    CHECK(schedule::never_plays(outside, tokyo()));
    const auto weekends = keiji::testing::items(keiji::testing::marche_json(
                                                    14, R"(, "schedule": {"weekdays": ["sat"]})"))
                              .front();
    CHECK_FALSE(schedule::never_plays(weekends, tokyo()));
}

TEST_CASE("schedule warnings: one bilingual warning per item that never plays") {
    const auto playlist = keiji::testing::playlist(R"({"items": [
        {"type": "notice", "id": "ok", "title": "a"},
        {"type": "notice", "id": "never", "title": "b",
         "schedule": {"from": "2025-05-12", "until": "2025-05-12", "weekdays": ["sun"]}}]})");
    const auto warnings = schedule::schedule_warnings(playlist, tokyo());
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].severity == model::Severity::warning);
    CHECK(warnings[0].where.line == 3);
    CHECK(warnings[0].message.en.find("\"never\" never plays") != std::string::npos);
    CHECK(warnings[0].message.ja.find("一度も表示されません") != std::string::npos);
}
