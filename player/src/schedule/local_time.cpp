#include "schedule/local_time.hpp"

#include <fmt/format.h>

namespace keiji::schedule {

model::Result<const date::time_zone*> find_time_zone(std::string_view name) {
    try {
        return date::locate_zone(name);
    } catch (const std::exception& error) {
        return model::failure(
            fmt::format("the time zone \"{}\" is unknown ({}); write an IANA name like {}, and "
                        "check that tzdata is installed",
                        name, error.what(), ward_time_zone),
            fmt::format("タイムゾーン「{}」が見つかりません({})。{} のような IANA の名前か、"
                        "tzdata がインストールされているかを確認してください",
                        name, error.what(), ward_time_zone));
    }
}

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
    return local_instant(day, model::TimeOfDay{0}, zone);
}

model::TimePoint local_instant(std::chrono::year_month_day day, model::TimeOfDay time,
                               const date::time_zone& zone) {
    const date::local_seconds local{std::chrono::sys_days{day}.time_since_epoch() +
                                    std::chrono::minutes{time.minutes}};
    // choose::earliest: a local time that a DST change skips or repeats resolves to its first
    // instant instead of throwing; Asia/Tokyo has no DST, but the zone is a parameter.
    return std::chrono::time_point_cast<std::chrono::seconds>(
        zone.to_sys(local, date::choose::earliest));
}

std::chrono::year_month_day add_days(std::chrono::year_month_day day, int count) {
    return std::chrono::year_month_day{std::chrono::sys_days{day} + std::chrono::days{count}};
}

}  // namespace keiji::schedule
