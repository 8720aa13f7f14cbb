#include "schedule/timeline.hpp"

#include <algorithm>

namespace keiji::schedule {

namespace {

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
    Planner planner(items, opening_hours, zone);
    model::TimePoint now = from;
    while (now < to) {
        const Decision decision = planner.next(now);
        const model::TimePoint end = decision.length ? std::min(now + *decision.length, to) : to;
        append(timeline,
               Slot{.start = now, .end = end, .kind = decision.kind, .item = decision.item});
        now = end;
    }
    return timeline;
}

TimelineTotals totals(const Timeline& timeline) {
    TimelineTotals sums;
    for (const Slot& slot : timeline.slots) {
        auto& bucket = slot.kind == SlotKind::item   ? sums.playing
                       : slot.kind == SlotKind::idle ? sums.idle
                                                     : sums.closed;
        bucket += slot.end - slot.start;
    }
    return sums;
}

}  // namespace keiji::schedule
