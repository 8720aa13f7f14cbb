#include "cli/play_command.hpp"

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/messages.hpp"
#include "cli/settings_options.hpp"
#include "play/run.hpp"
#include "play/settings_file.hpp"

namespace keiji::cli {

namespace {

constexpr const char* footer =
    "Keys in a window: Esc or q quits. SIGTERM and SIGINT stop the player cleanly.\n"
    "Settings come from the command line, then keiji.json (--config), then the defaults; "
    "--show-settings prints each one with who set it.\n"
    "SIGHUP (systemctl reload keiji) reads --config and the playlists again: the slide on screen "
    "stays until its time is up (at most 5 s more), then the new content plays. A broken "
    "setting is reported with file:line:col and its default used; an unreadable file or a folder "
    "without a readable playlist keeps what was playing.\n"
    "Self-check: a black frame where content should be, or a frame that does not change when the "
    "slide does, is logged and cured by reloading the content and recreating the renderer "
    "(KEIJI_TEST_FAULT=black in the environment fakes a black screen, for tests).\n"
    "Example: keiji play --config /etc/keiji/keiji.json --fullscreen";

}  // namespace

Command add_play_command(CLI::App& app, const Context&) {
    auto* command = app.add_subcommand(
        "play", "Play the playlists: in a window, full screen, or headless to PNG files");
    auto options = std::make_shared<SettingsOptions>(*command, play::in_play);
    auto show = std::make_shared<bool>(false);
    command->add_flag("--show-settings", *show,
                      "Print every setting, its value and who set it (default, keiji.json or the "
                      "command line), then exit");
    command->footer(footer);
    return Command{
        command, [options, show] {
            const bool headless = options->given("headless");
            auto layer = options->read(headless ? play::in_headless : play::in_window);
            if (!layer) {
                return fail("play",
                            layer.error().text() + "\nRun 'keiji play --help' for the options.", 2);
            }
            if (options->given("fullscreen") && options->given("display.size")) {
                return fail("play", "--fullscreen fills the display: leave out --window", 2);
            }
            if (*show) {
                const play::LoadedSettings loaded = play::load_settings(*layer);
                print_problems(loaded.problems, "en");
                print(describe(loaded.settings));
                return loaded.file_unusable ? 1 : 0;
            }
            return play::run(*layer);
        }};
}

}  // namespace keiji::cli
