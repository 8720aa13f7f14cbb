#pragma once

#include "cli/command.hpp"

namespace keiji::cli {

// `keiji alert keygen | sign | verify | publish | import-cap`, with a --help that walks the
// disaster office through its workflow; the work is done by alert/desk.hpp and friends. Exit
// code 0 on success, 1 when the input is wrong (a bad payload, a signature that does not
// verify, an unreachable broker), 2 on a usage error.
[[nodiscard]] Command add_alert_command(CLI::App& app, const Context& context);

}  // namespace keiji::cli
