#pragma once

#include <string>

namespace CLI {
class App;
}

namespace keiji::app {

struct ScheduleOptions {
    std::string file;
    std::string from;
    std::string to;
    std::string zone = "Asia/Tokyo";
    bool summary_only = false;
    std::string language = "en";  // "ja..." gives Japanese content messages.
};

// Adds `keiji schedule` with its options and help to `app`, filling `options` when it is parsed.
// Kept here so that cli.cpp only registers it.
CLI::App* add_schedule_command(CLI::App& app, ScheduleOptions& options);

// Runs `keiji schedule`: prints the timeline that would play between --from and --to, one slot a
// line ("start end item-id"), then a per-item airtime summary on lines starting with '#'.
// Returns 0, 1 when the playlist has errors, 2 on a usage error (bad time, --to not after --from).
[[nodiscard]] int run_schedule(const ScheduleOptions& options);

}  // namespace keiji::app
