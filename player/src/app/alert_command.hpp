#pragma once

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace keiji::app {

struct AlertCommandOptions {
    std::string action;  // keygen, sign, verify, publish, import-cap: set by the parser.
    std::string key_id;
    std::string out_directory = ".";
    std::string key_file;  // sign: the secret key; verify: the trusted public keys.
    std::string input;     // The payload, envelope or CAP XML file.
    std::string output;    // Empty: stdout.
    std::string mqtt_url;
    std::string mqtt_topic = "keiji/alert";
    std::string directory;  // publish: a folder served over HTTP.
    std::optional<int> level;
    std::optional<long long> sequence;
    std::string language = "en";  // Of messages: "ja..." for Japanese.
};

// Adds `keiji alert keygen | sign | verify | publish | import-cap` with a --help that walks the
// disaster office through its workflow.
CLI::App* add_alert_command(CLI::App& app, AlertCommandOptions& options);

// Runs the parsed `keiji alert` action. 0 on success, 1 when the input is wrong (a bad payload,
// a signature that does not verify, an unreachable broker), 2 on a usage error.
[[nodiscard]] int run_alert(const AlertCommandOptions& options);

}  // namespace keiji::app
