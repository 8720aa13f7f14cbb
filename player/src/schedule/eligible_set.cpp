#include "schedule/eligible_set.hpp"

#include <algorithm>

#include "schedule/eligibility.hpp"
#include "schedule/next_change.hpp"

namespace keiji::schedule {

namespace {

void keep_earliest(std::optional<model::TimePoint>& earliest,
                   const std::optional<model::TimePoint>& candidate) {
    if (candidate && (!earliest || *candidate < *earliest)) {
        earliest = candidate;
    }
}

}  // namespace

EligibleSet::EligibleSet(std::span<const model::Item> items,
                         const model::ItemSchedule* opening_hours, const date::time_zone& zone)
    : m_items(items),
      m_hours(opening_hours),
      m_zone(&zone),
      m_own(std::make_unique<bool[]>(items.size())),
      m_eligible(std::make_unique<bool[]>(items.size())),
      m_changes(items.size()) {}

std::span<const bool> EligibleSet::eligible() const {
    return {m_eligible.get(), m_items.size()};
}

void EligibleSet::refresh(std::size_t index, model::TimePoint now) {
    m_own[index] = is_eligible(m_items[index], now, *m_zone);
    m_changes[index] = schedule::next_change(m_items[index], now, *m_zone);
}

void EligibleSet::refresh_hours(model::TimePoint now) {
    if (m_hours != nullptr) {
        m_open = schedule_allows(*m_hours, now, *m_zone);
        m_hours_change = schedule::next_change(*m_hours, now, *m_zone);
    }
}

void EligibleSet::update(model::TimePoint now) {
    const bool everything = !m_now || now < *m_now;
    const auto due = [&](const std::optional<model::TimePoint>& change) {
        return everything || (change && *change <= now);
    };
    if (due(m_hours_change)) {
        refresh_hours(now);
    }
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        if (due(m_changes[i])) {
            refresh(i, now);
        }
    }
    m_now = now;
    m_next = m_hours_change;
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        m_eligible[i] = m_open && m_own[i];
        // While closed only the opening matters; the items are brought up to date then.
        if (m_open) {
            keep_earliest(m_next, m_changes[i]);
        }
    }
}

}  // namespace keiji::schedule
