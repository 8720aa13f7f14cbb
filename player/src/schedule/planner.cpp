#include "schedule/planner.hpp"

namespace keiji::schedule {

namespace {

std::optional<std::chrono::seconds> until(const std::optional<model::TimePoint>& change,
                                          model::TimePoint now) {
    if (!change) {
        return std::nullopt;
    }
    return *change - now;
}

}  // namespace

Planner::Planner(std::span<const model::Item> items, const model::ItemSchedule* opening_hours,
                 const date::time_zone& zone)
    : m_items(items), m_set(items, opening_hours, zone) {}

bool Planner::may_continue(std::size_t index) const {
    const auto eligible = m_set.eligible();
    if (!eligible[index]) {
        return false;
    }
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        if (eligible[i] && m_items[i].priority > m_items[index].priority) {
            return false;
        }
    }
    return true;
}

Decision Planner::next(model::TimePoint wall) {
    m_set.update(wall);
    if (!m_set.is_open()) {
        return Decision{.kind = SlotKind::closed, .length = until(m_set.next_change(), wall)};
    }
    const auto chosen = m_rotation.next(m_items, m_set.eligible());
    if (!chosen) {
        return Decision{.kind = SlotKind::idle, .length = until(m_set.next_change(), wall)};
    }
    const auto planned_end = wall + m_items[*chosen].duration;
    auto end = planned_end;
    // Walk the changes that fall inside the slot: most leave this item on screen. The set is
    // left at the last change looked at; the next call moves it on from there.
    while (m_set.next_change() && *m_set.next_change() < end) {
        const auto change = *m_set.next_change();
        m_set.update(change);
        if (!m_set.is_open() || !may_continue(*chosen)) {
            end = change;
            m_rotation.refund(m_items, *chosen, planned_end - end);
            break;
        }
    }
    return Decision{.kind = SlotKind::item, .item = *chosen, .length = end - wall};
}

}  // namespace keiji::schedule
