#pragma once

#include <date/tz.h>

#include <chrono>
#include <string_view>

#include "model/error.hpp"
#include "model/time.hpp"

namespace keiji::schedule {

// A moment as the ward's wall clock shows it. The zone comes in as a parameter (Asia/Tokyo in
// production) so that this module never reads the machine's settings.
// The ward's time zone: what schedules, the header clock and proof-of-play days are in.
inline constexpr std::string_view ward_time_zone = "Asia/Tokyo";

// The zone named `name` from the system's tzdata. The error names it and says to install tzdata,
// or that the name is not an IANA zone.
[[nodiscard]] model::Result<const date::time_zone*> find_time_zone(
    std::string_view name = ward_time_zone);

struct LocalMoment {
    std::chrono::year_month_day date;
    std::chrono::weekday weekday;
    int minute_of_day = 0;  // 0 to 1439
};

[[nodiscard]] LocalMoment to_local(model::TimePoint when, const date::time_zone& zone);

// The instant local midnight starts on `day` in `zone`.
[[nodiscard]] model::TimePoint local_midnight(std::chrono::year_month_day day,
                                              const date::time_zone& zone);

// The instant the wall clock shows `time` on `day` in `zone`; 24:00 is the next day's midnight.
// A time that a DST change skips or repeats resolves to its earliest instant.
[[nodiscard]] model::TimePoint local_instant(std::chrono::year_month_day day, model::TimeOfDay time,
                                             const date::time_zone& zone);

// `day` moved by `count` calendar days (negative goes back); month and year ends roll over.
[[nodiscard]] std::chrono::year_month_day add_days(std::chrono::year_month_day day, int count);

}  // namespace keiji::schedule
