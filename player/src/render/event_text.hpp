#pragma once

#include <date/tz.h>

#include <string>
#include <vector>

#include "model/item.hpp"

namespace keiji::render {

// "11/29(土)・30(日)" for sessions on several days: month written once per month.
[[nodiscard]] std::string format_session_days(const std::vector<model::Session>& sessions,
                                              const date::time_zone& zone);
// "11:00〜16:00" when every session has the same hours, else the first session's hours.
[[nodiscard]] std::string format_session_hours(const std::vector<model::Session>& sessions,
                                               const date::time_zone& zone);

}  // namespace keiji::render
