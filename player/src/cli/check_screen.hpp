#pragma once

#include <memory>

#include "checks/check_renderer.hpp"
#include "cli/settings_options.hpp"
#include "model/error.hpp"

namespace CLI {
class App;
}

namespace keiji::cli {

// The options validate and preview share (the table's settings for the staff checks: --size,
// --lang, --viewing-distance, --screen-inches, --at and --config), and the screen they describe.
class CheckScreenOptions {
public:
    explicit CheckScreenOptions(CLI::App& command) : m_options(command, play::in_checks) {}

    // The screen slides are judged on: the command line over keiji.json over the defaults,
    // at --at or now. Errors (a usage error): a value that cannot be read, an unusable keiji.json.
    [[nodiscard]] model::Result<checks::ScreenUnderCheck> screen() const;

private:
    SettingsOptions m_options;
};

}  // namespace keiji::cli
