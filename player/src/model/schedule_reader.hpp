#pragma once

#include <optional>
#include <string>

#include "model/error.hpp"
#include "model/item.hpp"
#include "model/json_document.hpp"
#include "model/object_reader.hpp"
#include "model/playlist.hpp"

namespace keiji::model {

// When things play, as playlists write it: an item's "schedule" (dates, weekdays, daily windows),
// a playlist's "opening_hours" with "outside_hours", and timestamps with their offset. Every
// mistake is located and explained, in English and Japanese.

// The schedule object at `pointer`.
[[nodiscard]] ItemSchedule read_schedule(const JsonDocument& document, const std::string& pointer,
                                         Errors& errors);

// The playlist's opening hours (members "opening_hours" and "outside_hours" of `reader`).
[[nodiscard]] std::optional<OpeningHours> read_opening_hours(const JsonDocument& document,
                                                             ObjectReader& reader, Errors& errors);

// The member `name`, required: an ISO 8601 date and time with its offset.
[[nodiscard]] std::optional<TimePoint> read_timestamp(ObjectReader& reader, std::string_view name);

}  // namespace keiji::model
