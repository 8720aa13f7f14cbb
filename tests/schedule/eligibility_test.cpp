// Every rule of schedule_allows()/is_eligible(), one table row per case.
#include "schedule/eligibility.hpp"

#include "fixtures.hpp"

using namespace keiji;
using keiji::testing::at;
using keiji::testing::notice;
using keiji::testing::tokyo;

namespace {

struct Case {
    const char* rule;
    const char* schedule;  // JSON, "" for none.
    const char* when;      // Tokyo time.
    bool plays;
};

void check_table(std::initializer_list<Case> cases) {
    for (const Case& c : cases) {
        CAPTURE(c.rule);
        CAPTURE(c.when);
        CHECK(schedule::is_eligible(notice(c.schedule), at(c.when), tokyo()) == c.plays);
    }
}

}  // namespace

TEST_CASE("eligibility: no schedule plays always") {
    check_table({{"no schedule", "", "2025-05-10T03:00", true}});
}

TEST_CASE("eligibility: from and until are inclusive local dates, across month ends") {
    const char* range = R"({"from": "2025-04-30", "until": "2025-05-31"})";
    check_table({
        {"the day before from", range, "2025-04-29T23:59", false},
        {"from's first minute (Tokyo, not UTC)", range, "2025-04-30T00:00", true},
        {"month end inside the range", range, "2025-04-30T23:59", true},
        {"the first of the next month", range, "2025-05-01T00:00", true},
        {"until's last minute", range, "2025-05-31T23:59:59", true},
        {"the day after until", range, "2025-06-01T00:00", false},
        {"9:00 UTC is already the next Tokyo day", range, "2025-05-31T15:00:00Z", false},
        {"year end", R"({"from": "2025-12-31", "until": "2026-01-01"})", "2026-01-01T12:00", true},
        {"year end, after", R"({"from": "2025-12-31", "until": "2026-01-01"})", "2026-01-02T00:00",
         false},
    });
}

TEST_CASE("eligibility: the leap day 2028-02-29") {
    const char* leap = R"({"from": "2028-02-29", "until": "2028-02-29"})";
    check_table({
        {"Feb 28", leap, "2028-02-28T12:00", false},
        {"the leap day", leap, "2028-02-29T12:00", true},
        {"Mar 1", leap, "2028-03-01T00:00", false},
        {"a Tuesday-only item on the leap day (a Tuesday)", R"({"weekdays": ["tue"]})",
         "2028-02-29T09:00", true},
        {"range over the leap day", R"({"from": "2028-02-28", "until": "2028-03-01"})",
         "2028-02-29T23:59", true},
    });
}

TEST_CASE("eligibility: weekdays are local weekdays") {
    const char* weekend = R"({"weekdays": ["sat", "sun"]})";
    check_table({
        {"Saturday", weekend, "2025-05-10T09:00", true},
        {"Sunday", weekend, "2025-05-11T23:59", true},
        {"Monday", weekend, "2025-05-12T00:00", false},
        {"Friday 23:00 UTC is Saturday in Tokyo", weekend, "2025-05-09T15:00:00Z", true},
        {"Friday", weekend, "2025-05-09T23:59", false},
    });
}

TEST_CASE("eligibility: daily windows, start inclusive, end exclusive") {
    const char* office = R"({"times": [{"from": "08:30", "until": "17:15"}]})";
    const char* two = R"({"times": [{"from": "09:00", "until": "12:00"},
                                    {"from": "13:00", "until": "17:00"}]})";
    check_table({
        {"before the window", office, "2025-05-12T08:29", false},
        {"at the start", office, "2025-05-12T08:30", true},
        {"last second", office, "2025-05-12T17:14:59", true},
        {"at the end", office, "2025-05-12T17:15", false},
        {"morning window", two, "2025-05-12T11:59", true},
        {"lunch gap", two, "2025-05-12T12:30", false},
        {"afternoon window", two, "2025-05-12T13:00", true},
    });
}

TEST_CASE("eligibility: a window ending at 24:00 runs to the end of the day") {
    const char* evening =
        R"({"weekdays": ["fri"], "times": [{"from": "18:00", "until": "24:00"}]})";
    check_table({
        {"Friday 18:00", evening, "2025-05-09T18:00", true},
        {"Friday 23:59:59", evening, "2025-05-09T23:59:59", true},
        {"Saturday midnight: a new day", evening, "2025-05-10T00:00", false},
        {"all day", R"({"times": [{"from": "00:00", "until": "24:00"}]})", "2025-05-10T23:59",
         true},
    });
}

TEST_CASE("eligibility: an overnight window belongs to the day it starts") {
    const char* friday_night =
        R"({"weekdays": ["fri"], "times": [{"from": "22:00", "until": "02:00"}]})";
    const char* last_night = R"({"until": "2025-05-31",
                                 "times": [{"from": "22:00", "until": "02:00"}]})";
    const char* first_night = R"({"from": "2025-06-01",
                                  "times": [{"from": "22:00", "until": "02:00"}]})";
    check_table({
        {"Friday 21:59", friday_night, "2025-05-09T21:59", false},
        {"Friday 22:00", friday_night, "2025-05-09T22:00", true},
        {"Saturday 01:00 is Friday's night", friday_night, "2025-05-10T01:00", true},
        {"Saturday 02:00 ends it", friday_night, "2025-05-10T02:00", false},
        {"Saturday 22:00 is Saturday's night", friday_night, "2025-05-10T22:00", false},
        {"Friday 01:00 is Thursday's night", friday_night, "2025-05-09T01:00", false},
        {"the last night runs past until's midnight", last_night, "2025-06-01T01:30", true},
        {"but no night starts after until", last_night, "2025-06-01T22:00", false},
        {"the morning of from belongs to the day before", first_night, "2025-06-01T01:00", false},
        {"from's own night", first_night, "2025-06-01T22:30", true},
        {"22:00–00:00 (until 00:00) is just the evening", R"({"times": [{"from": "22:00",
         "until": "00:00"}]})",
         "2025-05-10T00:30", false},
    });
}

TEST_CASE("eligibility: an event shows from its announce day until its last session ends") {
    const auto marche = keiji::testing::items(keiji::testing::marche_json(14)).front();
    struct Row {
        const char* when;
        bool plays;
    };
    for (const Row row : {Row{"2025-04-25T23:59", false}, Row{"2025-04-26T00:00", true},
                          Row{"2025-05-11T15:59", true}, Row{"2025-08-01T12:00", true},
                          Row{"2026-03-22T15:59:59", true}, Row{"2026-03-22T16:00", false}}) {
        CAPTURE(row.when);
        CHECK(schedule::is_eligible(marche, at(row.when), tokyo()) == row.plays);
    }
}
