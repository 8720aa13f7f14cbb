// next_change(): when the eligible set next changes, so the main loop can sleep until then.
#include "schedule/next_change.hpp"

#include "fixtures.hpp"
#include "schedule/eligibility.hpp"
#include "schedule/eligible_set.hpp"

using namespace keiji;
using keiji::testing::at;
using keiji::testing::notice;
using keiji::testing::tokyo;

TEST_CASE("next change: table of schedules") {
    struct Row {
        const char* rule;
        const char* schedule;
        const char* now;
        const char* expected;  // "" for never.
    };
    const Row rows[] = {
        {"no schedule never changes", "", "2025-05-10T12:00", ""},
        {"window closes", R"({"times": [{"from": "09:00", "until": "17:00"}]})", "2025-05-12T12:00",
         "2025-05-12T17:00"},
        {"window opens tomorrow", R"({"times": [{"from": "09:00", "until": "17:00"}]})",
         "2025-05-12T17:00", "2025-05-13T09:00"},
        {"weekend starts", R"({"weekdays": ["sat", "sun"]})", "2025-05-07T08:00",
         "2025-05-10T00:00"},
        {"weekend ends (both days are one stretch)", R"({"weekdays": ["sat", "sun"]})",
         "2025-05-10T08:00", "2025-05-12T00:00"},
        {"overnight window ends the next morning",
         R"({"weekdays": ["fri"], "times": [{"from": "22:00", "until": "02:00"}]})",
         "2025-05-09T23:00", "2025-05-10T02:00"},
        {"overnight window: next one is next Friday",
         R"({"weekdays": ["fri"], "times": [{"from": "22:00", "until": "02:00"}]})",
         "2025-05-10T02:00", "2025-05-16T22:00"},
        {"a window ending 24:00 ends at midnight",
         R"({"times": [{"from": "18:00", "until": "24:00"}]})", "2025-05-10T19:00",
         "2025-05-11T00:00"},
        {"adjacent windows are one stretch",
         R"({"times": [{"from": "09:00", "until": "12:00"}, {"from": "12:00", "until": "15:00"}]})",
         "2025-05-10T10:00", "2025-05-10T15:00"},
        {"a start months away", R"({"from": "2026-01-01", "weekdays": ["sat"],
         "times": [{"from": "10:00", "until": "12:00"}]})",
         "2025-05-10T12:00", "2026-01-03T10:00"},
        {"the leap day ends", R"({"from": "2028-02-29", "until": "2028-02-29"})",
         "2028-02-29T10:00", "2028-03-01T00:00"},
        {"the last day is past", R"({"until": "2025-01-31"})", "2025-05-10T12:00", ""},
        {"until at a month end", R"({"until": "2025-04-30"})", "2025-04-20T12:00",
         "2025-05-01T00:00"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.rule);
        const auto change = schedule::next_change(notice(row.schedule), at(row.now), tokyo());
        if (*row.expected == '\0') {
            CHECK_FALSE(change.has_value());
        } else {
            REQUIRE(change.has_value());
            CHECK(*change == at(row.expected));
        }
    }
}

TEST_CASE("next change: an event appears on its announce day and goes when it ends") {
    const auto marche = keiji::testing::items(keiji::testing::marche_json(14)).front();
    CHECK(schedule::next_change(marche, at("2025-04-01T09:00"), tokyo()) == at("2025-04-26T00:00"));
    CHECK(schedule::next_change(marche, at("2026-03-22T12:00"), tokyo()) == at("2026-03-22T16:00"));
    CHECK_FALSE(schedule::next_change(marche, at("2026-03-22T16:00"), tokyo()).has_value());
}

TEST_CASE("eligible set: follows the clock, including a clock that jumps back") {
    const std::vector<model::Item> items = {
        notice("", "always"),
        notice(R"({"times": [{"from": "09:00", "until": "10:00"}]})", "morning")};
    schedule::EligibleSet set(items, nullptr, tokyo());
    set.update(at("2025-05-10T08:00"));
    CHECK(set.eligible()[1] == false);
    CHECK(set.next_change() == at("2025-05-10T09:00"));
    set.update(at("2025-05-10T09:30"));
    CHECK(set.eligible()[1] == true);
    CHECK(set.next_change() == at("2025-05-10T10:00"));
    // An NTP correction sets the clock an hour back: the set is right again at once.
    set.update(at("2025-05-10T08:30"));
    CHECK(set.eligible()[1] == false);
    CHECK(set.next_change() == at("2025-05-10T09:00"));
}

TEST_CASE("eligible set: opening hours close everything and wake only for the opening") {
    const std::vector<model::Item> items = {
        notice("", "always"), notice(R"({"times": [{"from": "20:00", "until": "21:00"}]})", "x")};
    const model::ItemSchedule hours = notice(R"({"weekdays": ["mon", "tue", "wed", "thu", "fri"],
        "times": [{"from": "08:30", "until": "17:15"}]})")
                                          .schedule;
    schedule::EligibleSet set(items, &hours, tokyo());
    set.update(at("2025-05-10T12:00"));  // Saturday: closed.
    CHECK_FALSE(set.is_open());
    CHECK(set.eligible()[0] == false);
    CHECK(set.next_change() == at("2025-05-12T08:30"));
    set.update(at("2025-05-12T08:30"));
    CHECK(set.is_open());
    CHECK(set.eligible()[0] == true);
    CHECK(set.next_change() == at("2025-05-12T17:15"));
}
