// build_timeline(): the slots `keiji schedule` prints and the airtime it sums.
#include "schedule/timeline.hpp"

#include "fixtures.hpp"

using namespace keiji;
using keiji::testing::at;
using keiji::testing::tokyo;

namespace {

std::string describe(const std::vector<model::Item>& items, const schedule::Timeline& timeline) {
    std::string out;
    for (const schedule::Slot& slot : timeline.slots) {
        const auto length = (slot.end - slot.start).count();
        switch (slot.kind) {
            case schedule::SlotKind::item:
                out += items[slot.item].id + std::to_string(length) + " ";
                break;
            case schedule::SlotKind::idle:
                out += "idle" + std::to_string(length) + " ";
                break;
            case schedule::SlotKind::closed:
                out += "closed" + std::to_string(length) + " ";
                break;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("timeline: slots back to back, the last one cut at the end") {
    const auto items = keiji::testing::items(
        R"({"type": "notice", "id": "a", "title": "x", "duration": 10},
           {"type": "notice", "id": "b", "title": "x", "duration": 20})");
    const auto timeline = schedule::build_timeline(items, nullptr, at("2025-05-10T12:00"),
                                                   at("2025-05-10T12:01"), tokyo());
    CHECK(describe(items, timeline) == "a10 b20 a10 b20 ");
    CHECK(timeline.airtime[0].slots == 2);
    CHECK(timeline.airtime[0].total == std::chrono::seconds{20});
    CHECK(timeline.airtime[1].total == std::chrono::seconds{40});
    const auto cut = schedule::build_timeline(items, nullptr, at("2025-05-10T12:00"),
                                              at("2025-05-10T12:00:35"), tokyo());
    CHECK(describe(items, cut) == "a10 b20 a5 ");
}

TEST_CASE("timeline: a slot ends when its window does, and an urgent item cuts in") {
    const auto items = keiji::testing::items(
        R"({"type": "notice", "id": "a", "title": "x", "duration": 30,
            "schedule": {"times": [{"from": "11:00", "until": "12:00"}]}},
           {"type": "notice", "id": "b", "title": "x", "duration": 40},
           {"type": "notice", "id": "u", "title": "x", "duration": 30, "priority": 9,
            "schedule": {"times": [{"from": "12:01", "until": "12:02"}]}})");
    const auto timeline = schedule::build_timeline(items, nullptr, at("2025-05-10T11:59:50"),
                                                   at("2025-05-10T12:03"), tokyo());
    CHECK(describe(items, timeline) == "a10 b40 b20 u30 u30 b40 b20 ");
}

TEST_CASE("timeline: closed and idle stretches are one slot each") {
    const auto playlist = keiji::testing::playlist(R"({
        "opening_hours": {"times": [{"from": "08:30", "until": "17:15"}]},
        "outside_hours": "blank",
        "items": [{"type": "notice", "id": "a", "title": "x", "duration": 30,
                   "schedule": {"times": [{"from": "09:00", "until": "09:01"}]}}]})");
    REQUIRE(playlist.opening_hours.has_value());
    CHECK(playlist.opening_hours->outside == model::OutsideHours::blank);
    const auto timeline =
        schedule::build_timeline(playlist.items, &playlist.opening_hours->hours,
                                 at("2025-05-10T08:00"), at("2025-05-10T09:02"), tokyo());
    CHECK(describe(playlist.items, timeline) == "closed1800 idle1800 a30 a30 idle60 ");
}

TEST_CASE("timeline: the マルシェ day shows the event among the promos") {
    const auto items =
        keiji::testing::items(keiji::testing::marche_json(14, R"(, "duration": 15)") +
                              R"(, {"type": "notice", "id": "n", "title": "x", "duration": 15})");
    const auto before = schedule::build_timeline(items, nullptr, at("2025-04-25T12:00"),
                                                 at("2025-04-25T13:00"), tokyo());
    CHECK(before.airtime[0].slots == 0);
    const auto day = schedule::build_timeline(items, nullptr, at("2025-05-10T12:00"),
                                              at("2025-05-10T13:00"), tokyo());
    CHECK(day.airtime[0].total == std::chrono::minutes{30});
    CHECK(day.airtime[1].total == std::chrono::minutes{30});
}
