#pragma once

#include <optional>
#include <string>

#include "app/play_command.hpp"
#include "model/config.hpp"

namespace keiji::app {

// What the player falls back to when the file cannot be used at all: the defaults at start, the
// settings in use when it is read again (SIGHUP).
enum class ConfigFallback { defaults, previous };

// Reads the kiosk configuration file. Every problem is logged with file:line:col and the member
// it concerns; a broken member keeps its default and a file that cannot be read at all gives
// nullopt, so the player always starts (with the bundled content if need be).
[[nodiscard]] std::optional<model::Config> load_config_file(
    const std::string& path, ConfigFallback fallback = ConfigFallback::defaults);

// `options` with the configuration's values wherever the command line left the default.
[[nodiscard]] PlayOptions with_config(PlayOptions options, const model::Config& config);

}  // namespace keiji::app
