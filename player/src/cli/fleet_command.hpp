#pragma once

#include "cli/command.hpp"

namespace keiji::cli {

// `keiji fleet status`: every screen as the broker knows it (online, last seen, what it shows,
// feed, alerts), grouped by tag, and for the alert in force which screens confirmed it and when.
// Exit code 0, 1 when the broker cannot be read, 2 on a usage error.
[[nodiscard]] Command add_fleet_command(CLI::App& app, const Context& context);

}  // namespace keiji::cli
