// Properties over random playlists and random hours, with fixed seeds so every run is the same:
// shares of airtime match weights, nothing plays outside its schedule, and next_change() agrees
// with a minute-by-minute scan.
#include <algorithm>
#include <random>

#include "fixtures.hpp"
#include "schedule/eligibility.hpp"
#include "schedule/local_time.hpp"
#include "schedule/next_change.hpp"
#include "schedule/timeline.hpp"

using namespace keiji;
using namespace std::chrono;
using keiji::testing::tokyo;

namespace {

struct Random {
    std::mt19937 engine;
    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(engine); }
    bool chance(double p) { return std::bernoulli_distribution(p)(engine); }
};

// A random daily window on a quarter-hour grid, sometimes overnight, sometimes ending at 24:00.
model::TimeWindow random_window(Random& random) {
    const int start = random.between(0, 95) * 15;
    int end = random.between(0, 96) * 15;
    if (end == start) {
        end = (start + 60) % 1440;
    }
    return model::TimeWindow{{start}, {end}};
}

model::ItemSchedule random_schedule(Random& random, year_month_day month_start) {
    model::ItemSchedule schedule;
    if (random.chance(0.4)) {
        schedule.from = schedule::add_days(month_start, random.between(0, 20));
    }
    if (random.chance(0.4)) {
        schedule.until =
            schedule::add_days(schedule.from.value_or(month_start), random.between(0, 25));
    }
    if (random.chance(0.5)) {
        for (bool& day : schedule.weekdays) {
            day = random.chance(0.6);
        }
    }
    const int windows = random.between(0, 2);
    for (int i = 0; i < windows; ++i) {
        schedule.windows.push_back(random_window(random));
    }
    return schedule;
}

model::Item random_item(Random& random, int index, year_month_day month_start) {
    model::Item item;
    item.id = "i" + std::to_string(index);
    item.duration = seconds{random.between(5, 30)};
    item.weight = random.between(1, 8) / 2.0;
    item.priority = random.chance(0.2) ? 1 : 0;
    item.schedule = random_schedule(random, month_start);
    if (random.chance(0.15)) {
        const auto day = schedule::add_days(month_start, random.between(0, 30));
        const auto start = schedule::local_instant(day, {random.between(0, 90) * 15}, tokyo());
        item.content = model::EventContent{
            .sessions = {model::Session{start, start + hours{random.between(1, 6)}}},
            .announce_days = random.between(0, 10)};
    } else {
        item.content = model::NoticeContent{};
    }
    return item;
}

}  // namespace

TEST_CASE("property: airtime shares match weights within one slot") {
    int checked = 0;
    for (unsigned seed = 1; seed <= 300; ++seed) {
        Random random{std::mt19937(seed)};
        std::vector<model::Item> items(std::size_t(random.between(2, 12)));
        double weights = 0;
        for (std::size_t i = 0; i < items.size(); ++i) {
            items[i].id = "i" + std::to_string(i);
            items[i].duration = seconds{random.between(5, 30)};
            items[i].weight = random.between(1, 8) / 2.0;
            weights += items[i].weight;
        }
        // Shares that cannot be met without showing an item twice in a row are out of scope
        // here (no repeat wins, see rotation.hpp): each item's slots per second must not
        // exceed those of all the others together.
        const auto slot_rate = [&](const model::Item& item) {
            return item.weight / weights / double(item.duration.count());
        };
        double total_rate = 0;
        for (const auto& item : items) {
            total_rate += slot_rate(item);
        }
        const bool feasible = std::ranges::all_of(
            items, [&](const auto& item) { return slot_rate(item) <= total_rate / 2; });
        if (!feasible) {
            continue;
        }
        ++checked;
        const auto from = sys_days{2025y / May / 1} + hours{random.between(0, 24 * 365)};
        const auto to = from + hours{1};
        const auto timeline = schedule::build_timeline(items, nullptr, from, to, tokyo());
        const seconds longest = std::ranges::max(items, {}, &model::Item::duration).duration;
        for (std::size_t i = 0; i < items.size(); ++i) {
            CAPTURE(seed);
            CAPTURE(i);
            const double expected = 3600.0 * items[i].weight / weights;
            CHECK(std::abs(double(timeline.airtime[i].total.count()) - expected) <=
                  double(longest.count()));
        }
    }
    CHECK(checked > 150);
}

TEST_CASE("property: nothing plays outside its schedule, priority always wins, no repeats") {
    for (unsigned seed = 1; seed <= 120; ++seed) {
        CAPTURE(seed);
        Random random{std::mt19937(seed)};
        const year_month_day month_start = 2025y / month(unsigned(random.between(1, 12))) / 1;
        std::vector<model::Item> items;
        const int count = random.between(1, 15);
        for (int i = 0; i < count; ++i) {
            items.push_back(random_item(random, i, month_start));
        }
        const auto from = schedule::local_midnight(month_start, tokyo()) +
                          hours{random.between(0, 24 * 30)} + minutes{random.between(0, 59)};
        const auto timeline =
            schedule::build_timeline(items, nullptr, from, from + hours{6}, tokyo());
        const auto eligible = [&](std::size_t i, model::TimePoint t) {
            return schedule::is_eligible(items[i], t, tokyo());
        };
        REQUIRE_FALSE(timeline.slots.empty());
        CHECK(timeline.slots.front().start == from);
        CHECK(timeline.slots.back().end == from + hours{6});
        for (std::size_t s = 0; s < timeline.slots.size(); ++s) {
            const schedule::Slot& slot = timeline.slots[s];
            CAPTURE(s);
            if (s > 0) {
                CHECK(timeline.slots[s - 1].end == slot.start);
            }
            REQUIRE(slot.end > slot.start);
            if (slot.kind == schedule::SlotKind::idle) {
                for (std::size_t i = 0; i < items.size(); ++i) {
                    CHECK_FALSE(eligible(i, slot.start));
                }
                continue;
            }
            // Eligible throughout: at the start, the middle and the last second.
            for (const auto t :
                 {slot.start, slot.start + (slot.end - slot.start) / 2, slot.end - seconds{1}}) {
                CHECK(eligible(slot.item, t));
                for (std::size_t i = 0; i < items.size(); ++i) {
                    CHECK_FALSE((eligible(i, t) && items[i].priority > items[slot.item].priority));
                }
            }
            // Not twice in a row while another item of the same priority could play.
            if (s > 0 && timeline.slots[s - 1].kind == schedule::SlotKind::item &&
                timeline.slots[s - 1].item == slot.item &&
                timeline.slots[s - 1].end - timeline.slots[s - 1].start ==
                    items[slot.item].duration) {
                for (std::size_t i = 0; i < items.size(); ++i) {
                    CHECK_FALSE((i != slot.item && eligible(i, slot.start) &&
                                 items[i].priority == items[slot.item].priority));
                }
            }
        }
    }
}

TEST_CASE("property: next_change agrees with a minute-by-minute scan") {
    for (unsigned seed = 1; seed <= 60; ++seed) {
        CAPTURE(seed);
        Random random{std::mt19937(seed)};
        const year_month_day month_start = 2028y / February / 1;  // Through the leap day.
        const model::Item item = random_item(random, 0, month_start);
        const auto now = schedule::local_midnight(month_start, tokyo()) +
                         minutes{random.between(0, 40 * 24 * 60)};
        const bool at_now = schedule::is_eligible(item, now, tokyo());
        const auto change = schedule::next_change(item, now, tokyo());
        const auto horizon = now + days{3};
        // Every whole minute before the change (or the horizon) gives the same answer.
        auto t = std::chrono::ceil<minutes>(now + seconds{1});
        for (; t < std::min(change.value_or(horizon), horizon); t += minutes{1}) {
            REQUIRE(schedule::is_eligible(item, t, tokyo()) == at_now);
        }
        if (change && *change < horizon) {
            CHECK(schedule::is_eligible(item, *change, tokyo()) != at_now);
        }
    }
}
