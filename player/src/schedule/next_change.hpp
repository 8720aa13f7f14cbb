#pragma once

#include <date/tz.h>

#include <optional>

#include "model/item.hpp"

namespace keiji::schedule {

// The first instant after `now` at which schedule_allows() gives another answer than at `now`,
// or nullopt when it never will (an item that plays for ever, or one whose last day is past).
// The main loop sleeps until the earliest of these instead of polling.
[[nodiscard]] std::optional<model::TimePoint> next_change(const model::ItemSchedule& schedule,
                                                          model::TimePoint now,
                                                          const date::time_zone& zone);

// The same for is_eligible(): the schedule, plus an event's announce day and its last end.
[[nodiscard]] std::optional<model::TimePoint> next_change(const model::Item& item,
                                                          model::TimePoint now,
                                                          const date::time_zone& zone);

// The first instant at or after `from` at which `item` is eligible, or nullopt when it never is.
[[nodiscard]] std::optional<model::TimePoint> first_eligible(const model::Item& item,
                                                             model::TimePoint from,
                                                             const date::time_zone& zone);

}  // namespace keiji::schedule
