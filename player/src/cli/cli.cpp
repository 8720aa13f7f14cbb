#include "cli/cli.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <vector>

#include "cli/alert_command.hpp"
#include "cli/cache_command.hpp"
#include "cli/feed_command.hpp"
#include "cli/fleet_command.hpp"
#include "cli/layout_command.hpp"
#include "cli/messages.hpp"
#include "cli/play_command.hpp"
#include "cli/preview_command.hpp"
#include "cli/report_command.hpp"
#include "cli/schedule_command.hpp"
#include "cli/studio_forward.hpp"
#include "cli/validate_command.hpp"

namespace keiji::cli {

namespace {

constexpr const char* overview = R"(keiji (掲示) plays signage for the lobby of a city-ward office.

Examples:
  keiji play                                  play the bundled playlists in a 1280x720 window
  keiji play --fullscreen                     what a kiosk runs
  keiji play --headless --out frames --seconds 60
                                              write the frame of each change as a PNG
  keiji validate playlists/*.json             check playlists before publishing them
  keiji preview playlists/events.json --out preview
                                              see every slide as a PNG, and a contact sheet
)";

constexpr AddCommand commands[] = {
    add_play_command,     add_validate_command, add_preview_command,        add_layout_command,
    add_schedule_command, add_alert_command,    add_cache_command,          add_feed_command,
    add_report_command,   add_fleet_command,    add_studio_forward_command,
};

// A first word that is no command (a typo): say which commands there are.
bool is_unknown_command(const CLI::App& app, int argc, char** argv) {
    return argc > 1 && argv[1][0] != '-' &&
           app.get_subcommands([&](const CLI::App* sub) { return sub->get_name() == argv[1]; })
               .empty();
}

}  // namespace

int run_cli(int argc, char** argv) {
    return run_commands(argc, argv, commands, overview);
}

int run_commands(int argc, char** argv, std::span<const AddCommand> commands,
                 const char* description) {
    CLI::App app{description, "keiji"};
    app.set_version_flag("--version", std::string("keiji ") + KEIJI_VERSION);
    app.require_subcommand(0, 1);
    app.footer("Run 'keiji COMMAND --help' for the options of one command.");
    const Context context{.message_language = message_language()};
    std::vector<Command> registered;
    for (const AddCommand add : commands) {
        registered.push_back(add(app, context));
    }
    if (is_unknown_command(app, argc, argv)) {
        std::string names;
        for (const Command& command : registered) {
            names += (names.empty() ? "" : ", ") + command.app->get_name();
        }
        return fail("",
                    fmt::format("unknown command \"{}\". Commands: {}. Run 'keiji --help' "
                                "for more.",
                                argv[1], names),
                    2);
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) {
            return app.exit(e);  // --help, --version.
        }
        const auto parsed = app.get_subcommands();
        return fail("",
                    fmt::format("{}\nRun 'keiji {}--help' for the options.", e.what(),
                                parsed.empty() ? "" : parsed.front()->get_name() + " "),
                    2);
    }
    for (const Command& command : registered) {
        if (command.app->parsed()) {
            return command.run();
        }
    }
    std::fputs(app.help().c_str(), stderr);
    return 2;
}

}  // namespace keiji::cli
