#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace keiji::model {

using TimePoint = std::chrono::sys_seconds;

// Minutes after local midnight, 0 to 1440 (1440 is "24:00", the end of the day).
struct TimeOfDay {
    int minutes = 0;
    auto operator<=>(const TimeOfDay&) const = default;
};

// Parses an ISO 8601 timestamp with an explicit offset ("2025-05-10T11:00:00+09:00",
// "2025-05-10T11:00+09:00", "...Z"). Without an offset the time would be ambiguous, so it fails.
[[nodiscard]] std::optional<TimePoint> parse_timestamp(std::string_view text);
// Parses a calendar date "YYYY-MM-DD" that exists (2028-02-29 yes, 2027-02-29 no).
[[nodiscard]] std::optional<std::chrono::year_month_day> parse_date(std::string_view text);
// Parses "HH:MM" from 00:00 to 24:00.
[[nodiscard]] std::optional<TimeOfDay> parse_time_of_day(std::string_view text);

}  // namespace keiji::model
