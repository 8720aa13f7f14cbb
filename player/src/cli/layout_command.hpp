#pragma once

#include "cli/command.hpp"

namespace keiji::cli {

// `keiji layout TEXT --width W --size S`: the lines the renderer would draw (render::lay_out),
// one a line, or with --json the widths, chosen size, overflow, ruby and missing glyphs. Exit
// code 0, or 1 when no font can be opened.
[[nodiscard]] Command add_layout_command(CLI::App& app, const Context& context);

}  // namespace keiji::cli
