#pragma once

#include <date/tz.h>

#include <optional>
#include <string>

#include "model/time.hpp"
#include "render/theme.hpp"

namespace keiji::render {

// The header clock's text: "2026年11月24日(火)" (or "令和8年11月24日(火)") and "14:05", in the
// ward's time zone.
struct ClockFace {
    std::string date;
    std::string time;
    // A small note beside the date, such as 最終更新 11月24日 09:05 when the content may be
    // out of date; empty: none.
    std::string status;
    auto operator<=>(const ClockFace&) const = default;
};

[[nodiscard]] ClockFace format_clock(model::TimePoint now, const date::time_zone& zone,
                                     DateStyle style = DateStyle::gregorian);

// "最終更新 11月24日 09:05" (in `zone`) when the last good sync at `last_sync` is more than
// `stale_after` before `now`, so a viewer knows the notices may be old; otherwise empty, and
// empty too when nothing was ever synced (the bundled content is current by definition) or
// `stale_after` is zero.
[[nodiscard]] std::string last_update_note(std::optional<model::TimePoint> last_sync,
                                           model::TimePoint now, std::chrono::minutes stale_after,
                                           const date::time_zone& zone);

// "令和8年" for 2026, "令和元年" for 2019 (Reiwa began on 2019-05-01; earlier dates keep the
// Gregorian year, which a clock showing today never needs).
[[nodiscard]] std::string japanese_era_year(const date::year_month_day& day);

// "月", "火", ... for a weekday 0 (Sunday) to 6.
[[nodiscard]] const char* japanese_weekday(unsigned weekday);

}  // namespace keiji::render
