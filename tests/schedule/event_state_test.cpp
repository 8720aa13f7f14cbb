// Event states for the renderer, on the real FY2025 全国連携マルシェin芝浦 dates.
#include "schedule/event_state.hpp"

#include "fixtures.hpp"

using namespace keiji;
using keiji::testing::at;
using keiji::testing::tokyo;
using model::EventPhase;

TEST_CASE("event states: the FY2025 マルシェ weekends") {
    const auto item = keiji::testing::items(keiji::testing::marche_json(14)).front();
    const auto& event = std::get<model::EventContent>(item.content);
    struct Row {
        const char* when;
        EventPhase phase;
        int days_until;
        const char* next_start;  // "" when there is none.
    };
    const Row rows[] = {
        {"2025-04-25T12:00", EventPhase::not_announced, 15, "2025-05-10T11:00"},
        {"2025-04-26T00:00", EventPhase::upcoming, 14, "2025-05-10T11:00"},  // あと 14 日
        {"2025-05-09T23:59", EventPhase::upcoming, 1, "2025-05-10T11:00"},   // あと 1 日
        {"2025-05-10T00:00", EventPhase::today, 0, "2025-05-10T11:00"},      // 本日開催
        {"2025-05-10T10:59:59", EventPhase::today, 0, "2025-05-10T11:00"},
        {"2025-05-10T11:00", EventPhase::running, 0, "2025-05-10T11:00"},  // 開催中
        {"2025-05-10T15:59", EventPhase::running, 0, "2025-05-10T11:00"},
        {"2025-05-10T16:00", EventPhase::upcoming, 1, "2025-05-11T11:00"},  // Sunday's next.
        {"2025-05-11T16:00", EventPhase::upcoming, 160, "2025-10-18T11:00"},
        {"2025-10-31T12:00", EventPhase::upcoming, 29,
         "2025-11-29T11:00"},  // Across October's end.
        {"2025-11-30T12:00", EventPhase::running, 0, "2025-11-30T11:00"},
        {"2026-02-28T12:00", EventPhase::upcoming, 21, "2026-03-21T11:00"},  // Across February.
        {"2026-03-22T15:59:59", EventPhase::running, 0, "2026-03-22T11:00"},
        {"2026-03-22T16:00", EventPhase::ended, 0, ""},
    };
    for (const Row& row : rows) {
        CAPTURE(row.when);
        const auto state = schedule::event_state(event, at(row.when), tokyo());
        CHECK(state.phase == row.phase);
        CHECK(state.days_until == row.days_until);
        if (*row.next_start == '\0') {
            CHECK(state.next == nullptr);
        } else {
            REQUIRE(state.next != nullptr);
            CHECK(state.next->start == at(row.next_start));
        }
    }
}

TEST_CASE("event states: days are counted in Tokyo calendar days, not 24-hour periods") {
    const auto item = keiji::testing::items(R"({"type": "event", "id": "e", "title": "郡上おどり",
        "venue": "青山", "sessions": [{"start": "2028-03-01T18:00:00+09:00",
                                       "end": "2028-03-01T21:00:00+09:00"}]})")
                          .front();
    const auto& event = std::get<model::EventContent>(item.content);
    // 23:59 on the leap day is one calendar day before, though only 18 hours.
    CHECK(schedule::event_state(event, at("2028-02-29T23:59"), tokyo()).days_until == 1);
    CHECK(schedule::event_state(event, at("2028-02-28T00:00"), tokyo()).days_until == 2);
    CHECK(schedule::event_state(event, at("2028-03-01T00:00"), tokyo()).phase == EventPhase::today);
}
