#pragma once

#include <span>

#include "cli/command.hpp"

namespace keiji::cli {

// Parses the command line and runs the subcommand. Returns the exit code: 0 success, 1 failure,
// 2 a usage error (unknown command or option, bad value).
[[nodiscard]] int run_cli(int argc, char** argv);

using AddCommand = Command (*)(CLI::App&, const Context&);
// The same for a program with these commands only (keiji-studio), described by `description`.
[[nodiscard]] int run_commands(int argc, char** argv, std::span<const AddCommand> commands,
                               const char* description);

}  // namespace keiji::cli
