#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/item.hpp"
#include "model/localized_text.hpp"

namespace keiji::model {

// What the screen shows outside the opening hours.
enum class OutsideHours {
    still,  // The corner's name and the clock: the screen is visibly alive.
    blank,  // Black, e.g. where a lit screen disturbs at night.
};

// When the screen plays at all (the lobby's opening hours). Weekdays, daily windows and dates
// mean what they mean for an item; an item plays only when both its schedule and these allow.
struct OpeningHours {
    ItemSchedule hours;
    OutsideHours outside = OutsideHours::still;
};

struct Playlist {
    std::string id;
    LocalizedText title;
    std::vector<Item> items;
    std::optional<OpeningHours> opening_hours;  // None: open around the clock.
    std::string source_file;
    // Directory that relative asset paths (images) are resolved against.
    std::string base_directory;
};

}  // namespace keiji::model
