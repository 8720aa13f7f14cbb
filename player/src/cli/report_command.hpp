#pragma once

#include "cli/command.hpp"

namespace keiji::cli {

// `keiji report proof-of-play --from --to`: how often and how long each item and partner
// municipality was on screen (kiosk::summarize over the proof-of-play log), as a table or CSV.
[[nodiscard]] Command add_report_command(CLI::App& app, const Context& context);

}  // namespace keiji::cli
