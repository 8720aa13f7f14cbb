#include "schedule/local_time.hpp"

namespace keiji::schedule {

LocalMoment to_local(model::TimePoint when, const date::time_zone& zone) {
    const auto local = zone.to_local(when);
    const auto local_day = date::floor<date::days>(local);
    const std::chrono::sys_days as_days{local_day.time_since_epoch()};
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - local_day);
    return LocalMoment{.date = std::chrono::year_month_day{as_days},
                       .weekday = std::chrono::weekday{as_days},
                       .minute_of_day = int(minutes.count())};
}

model::TimePoint local_midnight(std::chrono::year_month_day day, const date::time_zone& zone) {
    const date::local_days local{std::chrono::sys_days{day}.time_since_epoch()};
    // choose::earliest: a midnight that a DST change skips or repeats resolves to its first instant.
    return std::chrono::time_point_cast<std::chrono::seconds>(
        zone.to_sys(local, date::choose::earliest));
}

}  // namespace keiji::schedule
