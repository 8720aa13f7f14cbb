// Planner: what the main loop asks, with the wall clock for eligibility and lengths it times on
// the monotonic clock.
#include "schedule/planner.hpp"

#include "fixtures.hpp"

using namespace keiji;
using namespace std::chrono;
using keiji::testing::at;
using keiji::testing::tokyo;

TEST_CASE("planner: lengths are the duration, cut at a window's end, or until the next change") {
    const auto items = keiji::testing::items(
        R"({"type": "notice", "id": "a", "title": "x", "duration": 30,
            "schedule": {"times": [{"from": "09:00", "until": "10:00"}]}})");
    schedule::Planner planner(items, nullptr, tokyo());
    auto decision = planner.next(at("2025-05-12T08:00"));
    CHECK(decision.kind == schedule::SlotKind::idle);
    CHECK(decision.length == hours{1});
    CHECK(planner.next_change() == at("2025-05-12T09:00"));
    decision = planner.next(at("2025-05-12T09:59:50"));
    CHECK(decision.kind == schedule::SlotKind::item);
    CHECK(decision.length == seconds{10});
}

TEST_CASE("planner: idle for good when nothing will ever be eligible again") {
    const auto items = keiji::testing::items(
        R"({"type": "notice", "id": "a", "title": "x", "schedule": {"until": "2025-01-31"}})");
    schedule::Planner planner(items, nullptr, tokyo());
    const auto decision = planner.next(at("2025-05-12T08:00"));
    CHECK(decision.kind == schedule::SlotKind::idle);
    CHECK_FALSE(decision.length.has_value());
}

TEST_CASE("planner: a wall clock stepping back and forth neither stalls nor skips the rotation") {
    const auto items = keiji::testing::items(
        R"({"type": "notice", "id": "a", "title": "x"}, {"type": "notice", "id": "b", "title": "x"},
           {"type": "notice", "id": "m", "title": "x",
            "schedule": {"times": [{"from": "09:00", "until": "10:00"}]}})");
    schedule::Planner planner(items, nullptr, tokyo());
    std::string shown;
    // The kiosk booted at a wrong 09:30, then NTP set it to 12:00, then back to 09:40.
    for (const char* wall : {"2025-05-12T09:30:00", "2025-05-12T09:30:10", "2025-05-12T12:00:00",
                             "2025-05-12T12:00:10", "2025-05-12T09:40:00", "2025-05-12T09:40:10",
                             "2025-05-12T09:40:20"}) {
        const auto decision = planner.next(at(wall));
        REQUIRE(decision.kind == schedule::SlotKind::item);
        CHECK(decision.length == seconds{10});
        shown += items[decision.item].id;
    }
    // At 12:00 the morning notice is out; when the clock goes back it is in again and, having
    // waited longest, plays first among equals.
    CHECK(shown == "ababmab");
}
