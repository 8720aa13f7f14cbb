#pragma once

#include "cli/command.hpp"

namespace keiji::cli {

// `keiji studio …` runs keiji-studio (installed beside keiji) with the same arguments. The
// studio is a program of its own so that the player, which runs all day on every screen, does
// not carry the studio's HTTP, TLS and database libraries: loaded, they cost it 3.3 MiB.
[[nodiscard]] Command add_studio_forward_command(CLI::App& app, const Context& context);

}  // namespace keiji::cli
