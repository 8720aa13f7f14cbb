#pragma once

#include "cli/command.hpp"

namespace keiji::cli {

// `keiji validate FILE...`: every problem of each playlist (checks::validate_file) as
// "file:line:col: error: /pointer: message" on stderr and "file: ok (N items)" on stdout, or one
// JSON document with --json. Exit code 0 when no file has an error (with --strict, a warning),
// 1 otherwise, 2 for a usage error.
[[nodiscard]] Command add_validate_command(CLI::App& app, const Context& context);

}  // namespace keiji::cli
