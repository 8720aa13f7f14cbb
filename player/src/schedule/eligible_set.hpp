#pragma once

#include <date/tz.h>

#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "model/item.hpp"

namespace keiji::schedule {

// Which items are eligible now, and when that next changes, kept up to date cheaply as time
// moves on: each item remembers its own next change, and update() recomputes only the items
// whose change has come. This is what lets a full day of a 500-item playlist be planned in
// milliseconds, and what the main loop asks how long it may sleep.
//
// `opening_hours`, when given, closes the whole screen outside them: nothing is eligible then.
// The items (and the hours) must outlive the set.
class EligibleSet {
public:
    EligibleSet(std::span<const model::Item> items, const model::ItemSchedule* opening_hours,
                const date::time_zone& zone);

    // Brings the set to the wall-clock time `now`. Any order of calls is correct: a clock that
    // went backwards (an NTP correction) recomputes everything instead of trusting stale state.
    void update(model::TimePoint now);

    [[nodiscard]] bool is_open() const { return m_open; }
    // One entry per item; all false while closed.
    [[nodiscard]] std::span<const bool> eligible() const;
    // When the answer of eligible() or is_open() may next differ; nullopt when never.
    [[nodiscard]] std::optional<model::TimePoint> next_change() const { return m_next; }

private:
    void refresh(std::size_t index, model::TimePoint now);
    void refresh_hours(model::TimePoint now);

    std::span<const model::Item> m_items;
    const model::ItemSchedule* m_hours;
    const date::time_zone* m_zone;
    std::unique_ptr<bool[]> m_own;       // Each item's own eligibility, hours aside.
    std::unique_ptr<bool[]> m_eligible;  // m_own while open, false while closed.
    std::vector<std::optional<model::TimePoint>> m_changes;
    std::optional<model::TimePoint> m_hours_change;
    std::optional<model::TimePoint> m_now;
    std::optional<model::TimePoint> m_next;
    bool m_open = true;
};

}  // namespace keiji::schedule
