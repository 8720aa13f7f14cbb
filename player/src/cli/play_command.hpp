#pragma once

#include "cli/command.hpp"

namespace keiji::cli {

// `keiji play`: its options are the settings of the table (play/settings_table.cpp) that apply
// in a window or headless, plus --show-settings.
[[nodiscard]] Command add_play_command(CLI::App& app, const Context& context);

}  // namespace keiji::cli
