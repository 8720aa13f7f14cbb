#pragma once

#include <string_view>

namespace keiji::kiosk {

// syslog priorities; journald reads them from a "<N>" prefix on each stderr line.
enum class Priority { error = 3, warning = 4, notice = 5, info = 6, debug = 7 };

// Writes one line to stderr: "<6>channel: message" under systemd (JOURNAL_STREAM is set), or
// "keiji: channel: warning: message" on a terminal.
void log(Priority priority, std::string_view channel, std::string_view message);

}  // namespace keiji::kiosk
