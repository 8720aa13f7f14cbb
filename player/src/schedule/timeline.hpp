#pragma once

#include <date/tz.h>

#include <chrono>
#include <optional>
#include <span>
#include <vector>

#include "model/item.hpp"
#include "schedule/planner.hpp"

namespace keiji::schedule {

struct Slot {
    model::TimePoint start;
    model::TimePoint end;
    SlotKind kind = SlotKind::item;
    std::size_t item = 0;  // Index into the items; only for SlotKind::item.
};

struct Airtime {
    std::size_t slots = 0;
    std::chrono::seconds total{0};
};

struct Timeline {
    std::vector<Slot> slots;       // Back to back from `from` to `to`.
    std::vector<Airtime> airtime;  // One per item.
};

// What would play from `from` to `to` (the wall clock running without jumps), decided by the same
// Planner the player uses: each slot lasts its item's duration unless the item stops being
// eligible or a higher-priority item becomes eligible first, in which case it is cut there (so
// nothing ever plays outside its schedule and pre-emption is immediate). The last slot is cut at
// `to`. Empty when `to` is not after `from`.
[[nodiscard]] Timeline build_timeline(std::span<const model::Item> items,
                                      const model::ItemSchedule* opening_hours,
                                      model::TimePoint from, model::TimePoint to,
                                      const date::time_zone& zone);

// How the time of a timeline was spent: playing items, idle (open, nothing eligible), closed.
struct TimelineTotals {
    std::chrono::seconds playing{0};
    std::chrono::seconds idle{0};
    std::chrono::seconds closed{0};
};
[[nodiscard]] TimelineTotals totals(const Timeline& timeline);

}  // namespace keiji::schedule
