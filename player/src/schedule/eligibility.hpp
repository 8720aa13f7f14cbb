#pragma once

#include <date/tz.h>

#include "model/item.hpp"

namespace keiji::schedule {

// True when `schedule` allows `now`. The rules, in the ward's local time:
// - `from`/`until` are inclusive local dates; `weekdays` are the allowed local weekdays.
// - Without windows the whole allowed day plays. With windows, `now` must fall inside one.
// - A window that runs past midnight (22:00–02:00) belongs to the day it starts on: at 01:00 on
//   Saturday it is Friday's window that plays, so Friday's weekday and date decide. Staff think
//   of "Friday night until 2 am" as one Friday evening, not as a Saturday item.
// - A window ending at 24:00 runs to the end of the day.
[[nodiscard]] bool schedule_allows(const model::ItemSchedule& schedule, model::TimePoint now,
                                   const date::time_zone& zone);

// True when `item` may play at `now`: its schedule allows it and, for an event, it is announced
// (from `announce_days` before the first session) and its last session has not ended.
[[nodiscard]] bool is_eligible(const model::Item& item, model::TimePoint now,
                               const date::time_zone& zone);

}  // namespace keiji::schedule
