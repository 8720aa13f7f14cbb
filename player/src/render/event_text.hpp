#pragma once

#include <date/tz.h>

#include <string>
#include <string_view>
#include <vector>

#include "model/item.hpp"

namespace keiji::render {

// "11/29(土)・30(日)" for sessions on several days, in the slide's language ("11/29 (Sat), 30
// (Sun)" in English): month written once per month.
[[nodiscard]] std::string format_session_days(const std::vector<model::Session>& sessions,
                                              const date::time_zone& zone,
                                              std::string_view language = "ja");
// "11:00〜16:00" ("11:00–16:00" in English): the first session's hours.
[[nodiscard]] std::string format_session_hours(const std::vector<model::Session>& sessions,
                                               const date::time_zone& zone,
                                               std::string_view language = "ja");

}  // namespace keiji::render
