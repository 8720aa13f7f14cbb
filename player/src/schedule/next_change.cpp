#include "schedule/next_change.hpp"

#include <algorithm>
#include <vector>

#include "schedule/eligibility.hpp"
#include "schedule/local_time.hpp"

namespace keiji::schedule {

namespace {

// Eligibility is constant between the instants listed here, so its first change after `now` is
// at one of them. Weekdays repeat every 7 days, so the days around each "anchor" day (today, the
// first and the day after the last date, an event's announce day) are enough: whatever first
// becomes true or false does so within 8 days of the latest anchor before it. One extra day on
// each side covers windows that run past midnight.
constexpr int days_before_anchor = 1;
constexpr int days_after_anchor = 9;

void add_day_boundaries(const model::ItemSchedule& schedule, std::chrono::year_month_day anchor,
                        const date::time_zone& zone, std::vector<model::TimePoint>& out) {
    for (int offset = -days_before_anchor; offset <= days_after_anchor; ++offset) {
        const auto day = add_days(anchor, offset);
        out.push_back(local_midnight(day, zone));
        for (const model::TimeWindow& window : schedule.windows) {
            out.push_back(local_instant(day, window.start, zone));
            out.push_back(local_instant(day, window.end, zone));
        }
    }
}

std::chrono::year_month_day announce_day(const model::EventContent& event,
                                         const date::time_zone& zone) {
    return add_days(to_local(event.sessions.front().start, zone).date, -event.announce_days);
}

std::vector<model::TimePoint> candidates(const model::ItemSchedule& schedule,
                                         const model::EventContent* event, model::TimePoint now,
                                         const date::time_zone& zone) {
    const auto today = to_local(now, zone).date;
    std::vector<std::chrono::year_month_day> anchors{today};
    if (schedule.from) {
        anchors.push_back(*schedule.from);
    }
    if (schedule.until) {
        anchors.push_back(add_days(*schedule.until, 1));
    }
    std::vector<model::TimePoint> out;
    if (event != nullptr && !event->sessions.empty()) {
        anchors.push_back(announce_day(*event, zone));
        for (const model::Session& session : event->sessions) {
            out.push_back(session.start);
            out.push_back(session.end);
        }
    }
    for (const auto anchor : anchors) {
        // Days long past cannot hold a change after `now`.
        if (std::chrono::sys_days{anchor} + std::chrono::days{days_after_anchor + 1} >=
            std::chrono::sys_days{today}) {
            add_day_boundaries(schedule, anchor, zone, out);
        }
    }
    std::erase_if(out, [now](model::TimePoint when) { return when <= now; });
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

template <typename Allows>
std::optional<model::TimePoint> first_difference(const std::vector<model::TimePoint>& instants,
                                                 bool at_now, const Allows& allows) {
    for (const model::TimePoint when : instants) {
        if (allows(when) != at_now) {
            return when;
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<model::TimePoint> next_change(const model::ItemSchedule& schedule,
                                            model::TimePoint now, const date::time_zone& zone) {
    return first_difference(
        candidates(schedule, nullptr, now, zone), schedule_allows(schedule, now, zone),
        [&](model::TimePoint when) { return schedule_allows(schedule, when, zone); });
}

std::optional<model::TimePoint> next_change(const model::Item& item, model::TimePoint now,
                                            const date::time_zone& zone) {
    const auto* event = std::get_if<model::EventContent>(&item.content);
    return first_difference(candidates(item.schedule, event, now, zone),
                            is_eligible(item, now, zone),
                            [&](model::TimePoint when) { return is_eligible(item, when, zone); });
}

std::optional<model::TimePoint> first_eligible(const model::Item& item, model::TimePoint from,
                                               const date::time_zone& zone) {
    if (is_eligible(item, from, zone)) {
        return from;
    }
    return next_change(item, from, zone);
}

}  // namespace keiji::schedule
