#pragma once

#include <filesystem>

#include "model/error.hpp"
#include "model/json_document.hpp"
#include "play/settings.hpp"

namespace keiji::play {

// What a configuration file set, and what was wrong in it: a broken member is a problem (with
// file, line, column and JSON pointer) and keeps its default, so the screen still plays.
struct ConfigFile {
    SettingsLayer layer;
    model::Errors problems;
};

// Reads keiji.json through the table of settings: every member the table names, and nothing
// else (an unknown member, such as a typo, is a problem).
[[nodiscard]] ConfigFile read_config(const model::JsonDocument& document);

// The same from a file. Errors: it cannot be read or is not JSON at all; the caller then keeps
// the defaults (at start) or the settings in use (on SIGHUP).
[[nodiscard]] std::expected<ConfigFile, model::Errors> load_config_file(
    const std::filesystem::path& path);

// The settings a screen starts or reloads with: the command line over keiji.json (when --config
// names one) over the defaults.
struct LoadedSettings {
    ResolvedSettings settings;
    model::Errors problems;      // Each broken member keeps its default.
    bool file_unusable = false;  // The file could not be read or parsed at all.
};
[[nodiscard]] LoadedSettings load_settings(const SettingsLayer& command_line);

// Where the bundled playlists are: "playlists" in the source tree, else the installed ones (a
// kiosk's working directory is its state directory, which has none).
[[nodiscard]] std::string bundled_content(const std::string& content);

}  // namespace keiji::play
