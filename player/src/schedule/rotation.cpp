#include "schedule/rotation.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <tuple>

#include "schedule/eligibility.hpp"

namespace keiji::schedule {

namespace {

double cost(const model::Item& item, std::chrono::seconds airtime) {
    // The parser keeps weights in 0.01..100; the guard keeps a hand-built Item from dividing by 0.
    return double(airtime.count()) / std::max(item.weight, 0.01);
}

}  // namespace

void Rotation::fit(std::size_t count) {
    if (m_finish.size() != count) {
        // Another list of items: the old history says nothing about it.
        reset();
        m_finish.assign(count, 0.0);
        m_was_candidate.assign(count, false);
        m_shown_at.assign(count, 0);
    }
}

void Rotation::reset() {
    m_finish.clear();
    m_was_candidate.clear();
    m_shown_at.clear();
    m_choices = 0;
    m_virtual_now.clear();
    m_last.reset();
}

std::optional<std::size_t> Rotation::next(std::span<const model::Item> items,
                                          std::span<const bool> eligible) {
    fit(items.size());
    int top_priority = std::numeric_limits<int>::min();
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (eligible[i]) {
            top_priority = std::max(top_priority, items[i].priority);
        }
    }
    std::vector<bool> candidate(items.size(), false);
    std::size_t count = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        candidate[i] = eligible[i] && items[i].priority == top_priority;
        count += candidate[i] ? 1 : 0;
        // An item that just joined starts level with the others instead of claiming the airtime
        // it "missed" while it was outside its window or pre-empted.
        if (candidate[i] && !m_was_candidate[i]) {
            m_finish[i] = std::max(m_finish[i], m_virtual_now[top_priority]);
        }
    }
    m_was_candidate = candidate;
    if (count == 0) {
        return std::nullopt;
    }
    std::optional<std::size_t> best;
    std::tuple<double, double, std::uint64_t> best_key;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!candidate[i] || (count > 1 && m_last == i)) {
            continue;
        }
        // Start-time fair queueing: the item whose airtime per weight is lowest goes next.
        // Choosing by start rather than finish keeps list order on the first pass, which is
        // what staff expect. Equal starts go to the heavier item (it is owed the most), then to
        // the one shown least recently (never shown: earliest in the list), so an item back
        // from its window plays soon instead of queueing behind.
        const auto key = std::tuple(m_finish[i], -items[i].weight, m_shown_at[i]);
        if (!best || key < best_key) {
            best = i;
            best_key = key;
        }
    }
    m_finish[*best] += cost(items[*best], items[*best].duration);
    m_shown_at[*best] = ++m_choices;
    m_last = best;
    double lowest = std::numeric_limits<double>::max();
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (candidate[i]) {
            lowest = std::min(lowest, m_finish[i]);
        }
    }
    double& virtual_now = m_virtual_now[top_priority];
    virtual_now = std::max(virtual_now, lowest);
    return best;
}

std::optional<std::size_t> Rotation::next(std::span<const model::Item> items, model::TimePoint now,
                                          const date::time_zone& zone) {
    // A plain array: std::vector<bool> cannot be viewed as a span.
    const auto eligible = std::make_unique<bool[]>(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        eligible[i] = is_eligible(items[i], now, zone);
    }
    return next(items, std::span<const bool>(eligible.get(), items.size()));
}

void Rotation::refund(std::span<const model::Item> items, std::size_t index,
                      std::chrono::seconds not_shown) {
    if (index < m_finish.size() && index < items.size()) {
        m_finish[index] -= cost(items[index], not_shown);
    }
}

}  // namespace keiji::schedule
