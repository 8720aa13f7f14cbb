#pragma once

#include <date/tz.h>

#include "model/item.hpp"

namespace keiji::schedule {

// True when `item` may play at `now`: inside its date range, on an allowed weekday, inside one of
// its daily windows, and for an event, announced and not yet ended.
[[nodiscard]] bool is_eligible(const model::Item& item, model::TimePoint now,
                               const date::time_zone& zone);

}  // namespace keiji::schedule
