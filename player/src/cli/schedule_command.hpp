#pragma once

#include "cli/command.hpp"

namespace keiji::cli {

// `keiji schedule FILE --from --to`: the timeline that would play (schedule::build_timeline, the
// player's own planner), one slot a line ("start end item-id"), then a per-item airtime summary
// on lines starting with '#'. Exit code 0, 1 when the playlist has errors, 2 on a usage error
// (bad time, --to not after --from).
[[nodiscard]] Command add_schedule_command(CLI::App& app, const Context& context);

}  // namespace keiji::cli
