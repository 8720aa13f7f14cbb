#pragma once

#include "cli/command.hpp"

namespace keiji::cli {

// `keiji preview FILE --out DIR`: one PNG per item of the playlist, drawn by the player's own
// painters (checks::preview_item), and contact-sheet.png, a grid of all items with their ids,
// durations and the warnings keiji validate gives for them. Exit code 0 when written, 1 when the
// playlist has errors or a file cannot be written, 2 for a usage error.
[[nodiscard]] Command add_preview_command(CLI::App& app, const Context& context);

}  // namespace keiji::cli
