#pragma once

#include <date/tz.h>

#include <string>

#include "model/time.hpp"
#include "render/theme.hpp"

namespace keiji::render {

// The header clock's text: "2026年11月24日(火)" (or "令和8年11月24日(火)") and "14:05", in the
// ward's time zone.
struct ClockFace {
    std::string date;
    std::string time;
    auto operator<=>(const ClockFace&) const = default;
};

[[nodiscard]] ClockFace format_clock(model::TimePoint now, const date::time_zone& zone,
                                     DateStyle style = DateStyle::gregorian);

// "令和8年" for 2026, "令和元年" for 2019 (Reiwa began on 2019-05-01; earlier dates keep the
// Gregorian year, which a clock showing today never needs).
[[nodiscard]] std::string japanese_era_year(const date::year_month_day& day);

// "月", "火", ... for a weekday 0 (Sunday) to 6.
[[nodiscard]] const char* japanese_weekday(unsigned weekday);

}  // namespace keiji::render
