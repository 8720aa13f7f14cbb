#pragma once

#include <date/tz.h>

#include <chrono>
#include <optional>
#include <span>

#include "model/item.hpp"
#include "schedule/eligible_set.hpp"
#include "schedule/rotation.hpp"

namespace keiji::schedule {

enum class SlotKind {
    item,    // An item is on screen.
    idle,    // Open, but nothing is eligible: the corner's still screen.
    closed,  // Outside the opening hours: blank or still, as the playlist says.
};

// What to put on screen now and for how long.
struct Decision {
    SlotKind kind = SlotKind::item;
    std::size_t item = 0;  // Index into the items; only for SlotKind::item.
    // How long it stays, to be timed on the monotonic clock. An item's duration, cut short when
    // the item stops being eligible or a higher priority becomes eligible before it ends; for
    // idle and closed, until the next change. nullopt: nothing will ever change (idle for good).
    std::optional<std::chrono::seconds> length;
};

// The one place that decides what plays: the main loop and `keiji schedule` both ask it, so the
// timeline staff check is the one the screen plays.
//
// Clocks: next() takes the wall clock, because eligibility is about the ward's calendar; the
// caller times the returned length on the monotonic clock, so a wall-clock step while a slide is
// up neither stalls nor skips it. At the next call the eligible set follows the wall clock
// wherever it went (a step back recomputes it), and the rotation carries on in its order.
class Planner {
public:
    // The items (and hours) must outlive the planner.
    Planner(std::span<const model::Item> items, const model::ItemSchedule* opening_hours,
            const date::time_zone& zone);

    [[nodiscard]] Decision next(model::TimePoint wall);

    // When the eligible set (or the opening) next changes after the last next(); a main loop
    // showing a still screen sleeps until then.
    [[nodiscard]] std::optional<model::TimePoint> next_change() const {
        return m_set.next_change();
    }

private:
    [[nodiscard]] bool may_continue(std::size_t index) const;

    std::span<const model::Item> m_items;
    EligibleSet m_set;
    Rotation m_rotation;
};

}  // namespace keiji::schedule
