#pragma once

#include "play/settings.hpp"

namespace keiji::play {

// The file alerts are trusted from when neither --alert-keys nor keiji.json names keys.
inline constexpr const char* default_alert_keys_file = "/etc/keiji/alert-keys.json";

// Runs `keiji play` with what the command line set; the configuration file it names is read
// here (and again on SIGHUP). Returns the process exit code: 0 when it ended as asked, 1 when it
// could not play (no display, no font, a renderer that cannot be recreated), 2 for a setting
// that cannot work (a feed address that is not one).
[[nodiscard]] int run(const SettingsLayer& command_line);

}  // namespace keiji::play
