#include "schedule/eligibility.hpp"

#include "schedule/event_state.hpp"
#include "schedule/local_time.hpp"

namespace keiji::schedule {

namespace {

// Whether the item's date range and weekdays allow the local day `day`.
bool day_allowed(const model::ItemSchedule& schedule, std::chrono::year_month_day day) {
    if ((schedule.from && day < *schedule.from) || (schedule.until && day > *schedule.until)) {
        return false;
    }
    return schedule.weekdays[std::chrono::weekday{std::chrono::sys_days{day}}.c_encoding()];
}

bool window_allows(const model::ItemSchedule& schedule, const model::TimeWindow& window,
                   const LocalMoment& local) {
    const int start = window.start.minutes;
    const int end = window.end.minutes;
    const int minute = local.minute_of_day;
    if (start < end) {
        return minute >= start && minute < end && day_allowed(schedule, local.date);
    }
    // Past midnight: the evening part is today's, the early-morning part is yesterday's.
    if (minute >= start) {
        return day_allowed(schedule, local.date);
    }
    return minute < end && day_allowed(schedule, add_days(local.date, -1));
}

}  // namespace

bool schedule_allows(const model::ItemSchedule& schedule, model::TimePoint now,
                     const date::time_zone& zone) {
    const LocalMoment local = to_local(now, zone);
    if (schedule.windows.empty()) {
        return day_allowed(schedule, local.date);
    }
    for (const model::TimeWindow& window : schedule.windows) {
        if (window_allows(schedule, window, local)) {
            return true;
        }
    }
    return false;
}

bool is_eligible(const model::Item& item, model::TimePoint now, const date::time_zone& zone) {
    if (!schedule_allows(item.schedule, now, zone)) {
        return false;
    }
    if (const auto* event = std::get_if<model::EventContent>(&item.content)) {
        return is_event_visible(event_state(*event, now, zone));
    }
    return true;
}

}  // namespace keiji::schedule
