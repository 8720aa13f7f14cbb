#pragma once

#include "cli/command.hpp"

namespace keiji::cli {

// `keiji cache ls | verify | gc | sync`: look into and look after the offline cache (the work is
// sync/cache_maintenance.hpp and sync/feed_sync.hpp). The cache folder, feed, keys and budget
// are the table's settings: the command line over keiji.json (--config) over the defaults.
[[nodiscard]] Command add_cache_command(CLI::App& app, const Context& context);

}  // namespace keiji::cli
