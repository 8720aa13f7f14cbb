#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/broker_options.hpp"

namespace CLI {
class App;
}

namespace keiji::cli {

struct BridgeOptions {
    std::vector<std::string> sources;  // http(s) or file URLs, or file paths.
    std::string key_file;              // The bridge's own secret key.
    std::vector<std::string> areas;
    std::string min_severity = "Severe";
    bool include_drills = false;
    std::optional<int> level;
    long lasting_minutes = 360;
    BrokerOptions broker;
    std::string topic;
    std::string directory;
    long interval_seconds = 60;
    bool once = false;
    std::string state_file;
};

// The options of `keiji alert bridge` on its subcommand.
void add_bridge_options(CLI::App& command, BridgeOptions& options);

// Polls the sources until SIGTERM or SIGINT (or once, with --once), passing on to the screens the
// CAP messages the rules select, signed with the bridge's key. Exit 0 when stopped by a signal or
// when a single poll read every source; 1 when --once could not read one, or on a bad start.
[[nodiscard]] int run_alert_bridge(const BridgeOptions& options, const std::string& language);

}  // namespace keiji::cli
