#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "play/settings.hpp"
#include "play/settings_table.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace keiji::cli {

// The settings of the table that apply to a command, registered as its options: flag, help,
// type and default all come from the table, so a setting is declared once for the command
// line and keiji.json alike.
class SettingsOptions {
public:
    // Registers every setting whose contexts meet `contexts` (play::Context bits).
    SettingsOptions(CLI::App& command, unsigned contexts);
    SettingsOptions(const SettingsOptions&) = delete;
    SettingsOptions& operator=(const SettingsOptions&) = delete;

    // What the command line set, for the command running as `mode` (one Context bit): a value
    // that cannot be read, or a setting given where it does not apply ("--seconds needs
    // --headless"), is an error to report as a usage error.
    [[nodiscard]] model::Result<play::SettingsLayer> read(unsigned mode) const;

    // Whether the setting `name` was given on the command line.
    [[nodiscard]] bool given(std::string_view name) const;

private:
    struct Entry {
        const play::Setting* setting = nullptr;
        CLI::Option* option = nullptr;
        std::vector<std::string> texts;
        bool on = false;  // A switch.
    };
    std::vector<std::unique_ptr<Entry>> m_entries;  // Stable addresses: CLI11 writes into them.
};

// `keiji … --show-settings`: every setting, its value and who set it.
[[nodiscard]] std::string describe(const play::ResolvedSettings& settings);

}  // namespace keiji::cli
