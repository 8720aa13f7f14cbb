#include "schedule/eligibility.hpp"

#include "schedule/event_state.hpp"
#include "schedule/local_time.hpp"

namespace keiji::schedule {

namespace {

bool in_window(const model::TimeWindow& window, int minute) {
    const int start = window.start.minutes;
    const int end = window.end.minutes;
    if (start < end) {
        return minute >= start && minute < end;
    }
    return minute >= start || minute < end;  // Runs past midnight, e.g. 22:00–02:00.
}

}  // namespace

bool is_eligible(const model::Item& item, model::TimePoint now, const date::time_zone& zone) {
    const LocalMoment local = to_local(now, zone);
    const model::ItemSchedule& schedule = item.schedule;
    if ((schedule.from && local.date < *schedule.from) ||
        (schedule.until && local.date > *schedule.until)) {
        return false;
    }
    if (!schedule.weekdays[local.weekday.c_encoding()]) {
        return false;
    }
    if (!schedule.windows.empty()) {
        bool inside = false;
        for (const auto& window : schedule.windows) {
            inside = inside || in_window(window, local.minute_of_day);
        }
        if (!inside) {
            return false;
        }
    }
    if (const auto* event = std::get_if<model::EventContent>(&item.content)) {
        return is_event_visible(event_state(*event, now, zone));
    }
    return true;
}

}  // namespace keiji::schedule
