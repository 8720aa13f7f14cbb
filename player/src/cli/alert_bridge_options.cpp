// The options of `keiji alert bridge`, with the example its --help ends with.
#include <CLI/CLI.hpp>

#include "cli/alert_bridge.hpp"

namespace keiji::cli {

void add_bridge_options(CLI::App& command, BridgeOptions& options) {
    command
        .add_option("--source", options.sources,
                    "A CAP document or an ATOM feed of CAP entries: http(s) URL or file "
                    "(repeat for several)")
        ->required();
    command.add_option("--key", options.key_file, "The bridge's own secret key (from keygen)")
        ->required()
        ->check(CLI::ExistingFile);
    command.add_option("--area", options.areas,
                       "Pass on only messages naming this area: part of an <areaDesc> or a "
                       "whole <geocode> value (repeat for several; default: every area)");
    command.add_option("--min-severity", options.min_severity, "The least <severity> passed on")
        ->transform(CLI::IsMember({"Minor", "Moderate", "Severe", "Extreme"}, CLI::ignore_case))
        ->capture_default_str();
    command.add_flag("--include-drills", options.include_drills,
                     "Pass on Exercise and Test messages too (screens mark them as drills)");
    command
        .add_option("--level", options.level,
                    "警戒レベル 1-5 when a message has no parameter for it (default: from "
                    "<severity>)")
        ->check(CLI::Range(1, 5));
    command
        .add_option("--expires-after", options.lasting_minutes,
                    "Minutes a message without <expires> stays after its <sent>")
        ->check(CLI::Range(1, 7 * 24 * 60))
        ->capture_default_str();
    add_broker_options(command, options.broker);
    command.add_option("--topic", options.topic, "MQTT topic")->capture_default_str();
    command.add_option("--dir", options.directory,
                       "Folder served over HTTP: writes alert.json there atomically");
    command.add_option("--interval", options.interval_seconds, "Seconds between polls")
        ->check(CLI::Range(5, 3600))
        ->capture_default_str();
    command.add_flag("--once", options.once, "Poll once and stop (for cron or a test)");
    command.add_option("--state", options.state_file,
                       "File remembering what was published, so a restart publishes nothing "
                       "twice (e.g. /var/lib/keiji/bridge.json)");
    command.footer(
        "Example: keiji alert bridge --source https://agency.example/cap/feed.atom \\\n"
        "           --area 港区 --area 131032 --min-severity Severe \\\n"
        "           --key keys/minato-bridge.secret.json --mqtt mqtts://broker:8883 \\\n"
        "           --state /var/lib/keiji/bridge.json\n"
        "The bridge signs with its own key: add its public key to the screens' alert keys.");
}

}  // namespace keiji::cli
