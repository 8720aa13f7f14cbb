#pragma once

#include "cli/command.hpp"

namespace keiji::cli {

// `keiji studio`: the web console for content staff, on 127.0.0.1:8080 by default.
[[nodiscard]] Command add_studio_command(CLI::App& app, const Context& context);

}  // namespace keiji::cli
