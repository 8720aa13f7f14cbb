#pragma once

#include <date/tz.h>

#include <string>

#include "model/time.hpp"

namespace keiji::render {

// The header clock's text: "2026年11月24日(火)" and "14:05", in the ward's time zone.
struct ClockFace {
    std::string date;
    std::string time;
    auto operator<=>(const ClockFace&) const = default;
};

[[nodiscard]] ClockFace format_clock(model::TimePoint now, const date::time_zone& zone);

// "月", "火", ... for a weekday 0 (Sunday) to 6.
[[nodiscard]] const char* japanese_weekday(unsigned weekday);

}  // namespace keiji::render
