#include "schedule/rotation.hpp"

#include <limits>
#include <vector>

#include "schedule/eligibility.hpp"

namespace keiji::schedule {

std::optional<std::size_t> Rotation::next(std::span<const model::Item> items, model::TimePoint now,
                                          const date::time_zone& zone) {
    std::vector<bool> eligible(items.size(), false);
    int top_priority = std::numeric_limits<int>::min();
    for (std::size_t i = 0; i < items.size(); ++i) {
        eligible[i] = is_eligible(items[i], now, zone);
        if (eligible[i] && items[i].priority > top_priority) {
            top_priority = items[i].priority;
        }
    }
    const std::size_t start = m_last && *m_last < items.size() ? *m_last + 1 : 0;
    for (std::size_t step = 0; step < items.size(); ++step) {
        const std::size_t candidate = (start + step) % items.size();
        if (eligible[candidate] && items[candidate].priority == top_priority) {
            m_last = candidate;
            return candidate;
        }
    }
    return std::nullopt;
}

}  // namespace keiji::schedule
