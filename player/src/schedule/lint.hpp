#pragma once

#include <date/tz.h>

#include "model/error.hpp"
#include "model/item.hpp"
#include "model/playlist.hpp"

namespace keiji::schedule {

// True when no instant exists at which `item` is eligible, whatever today is: weekdays that the
// date range never contains ("from" and "until" on a Monday, weekdays ["sat"]), no weekday at
// all, or an event whose sessions lie outside the item's date range. Such an item is valid JSON
// but surely a mistake, so the validator warns about it.
[[nodiscard]] bool never_plays(const model::Item& item, const date::time_zone& zone);

// One warning (Severity::warning, at the item's location, in English and Japanese) per item of
// `playlist` that never plays.
[[nodiscard]] model::Errors schedule_warnings(const model::Playlist& playlist,
                                              const date::time_zone& zone);

}  // namespace keiji::schedule
