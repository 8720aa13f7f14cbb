#include "schedule/timeline.hpp"

#include <algorithm>

#include "schedule/eligible_set.hpp"
#include "schedule/rotation.hpp"

namespace keiji::schedule {

namespace {

// Whether `index` may stay on screen: still eligible and no higher priority waiting.
bool may_continue(std::span<const model::Item> items, const EligibleSet& set, std::size_t index) {
    const auto eligible = set.eligible();
    if (!eligible[index]) {
        return false;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (eligible[i] && items[i].priority > items[index].priority) {
            return false;
        }
    }
    return true;
}

void append(Timeline& timeline, Slot slot) {
    // Consecutive idle or closed stretches read better as one line.
    if (!timeline.slots.empty() && slot.kind != SlotKind::item &&
        timeline.slots.back().kind == slot.kind && timeline.slots.back().end == slot.start) {
        timeline.slots.back().end = slot.end;
        return;
    }
    if (slot.kind == SlotKind::item) {
        Airtime& airtime = timeline.airtime[slot.item];
        ++airtime.slots;
        airtime.total += slot.end - slot.start;
    }
    timeline.slots.push_back(slot);
}

}  // namespace

Timeline build_timeline(std::span<const model::Item> items,
                        const model::ItemSchedule* opening_hours, model::TimePoint from,
                        model::TimePoint to, const date::time_zone& zone) {
    Timeline timeline;
    timeline.airtime.resize(items.size());
    EligibleSet set(items, opening_hours, zone);
    Rotation rotation;
    const auto until_change = [&] { return std::min(set.next_change().value_or(to), to); };
    model::TimePoint now = from;
    while (now < to) {
        set.update(now);
        if (!set.is_open()) {
            const auto end = until_change();
            append(timeline, Slot{.start = now, .end = end, .kind = SlotKind::closed});
            now = end;
            continue;
        }
        const auto chosen = rotation.next(items, set.eligible());
        if (!chosen) {
            const auto end = until_change();
            append(timeline, Slot{.start = now, .end = end, .kind = SlotKind::idle});
            now = end;
            continue;
        }
        const auto planned_end = now + items[*chosen].duration;
        auto end = planned_end;
        // Walk the changes that fall inside the slot: most leave this item on screen.
        while (set.next_change() && *set.next_change() < end) {
            const auto change = *set.next_change();
            set.update(change);
            if (!set.is_open() || !may_continue(items, set, *chosen)) {
                end = change;
                rotation.refund(items, *chosen, planned_end - end);
                break;
            }
        }
        append(timeline, Slot{.start = now, .end = std::min(end, to), .item = *chosen});
        now = end;
    }
    return timeline;
}

}  // namespace keiji::schedule
