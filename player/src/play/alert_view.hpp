#pragma once

#include <date/tz.h>

#include <string>
#include <string_view>
#include <vector>

#include "alert/alert.hpp"
#include "render/alert_painter.hpp"

namespace keiji::play {

// The languages the takeover rotates through for `alert`: ja, ja-x-easy, en, zh-Hans, ko in that
// order when the alert has them, then any other language it carries. Never empty: an alert
// without texts still shows its level in Japanese.
[[nodiscard]] std::vector<std::string> rotation_languages(const alert::Alert& alert);

// What the takeover shows for `alert` in `language`: level label and names, the texts of that
// language (falling back to Japanese), shelters, time of issue in `zone`, and how many other
// alerts are in force.
[[nodiscard]] render::AlertView make_alert_view(const alert::Alert& alert,
                                                std::string_view language,
                                                const date::time_zone& zone,
                                                std::size_t other_alerts);

}  // namespace keiji::play
