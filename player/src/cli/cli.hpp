#pragma once

namespace keiji::cli {

// Parses the command line and runs the subcommand. Returns the exit code: 0 success, 1 failure,
// 2 a usage error (unknown command or option, bad value).
[[nodiscard]] int run_cli(int argc, char** argv);

}  // namespace keiji::cli
