#include "app/cli.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "app/alert_command.hpp"
#include "app/cache_command.hpp"
#include "app/layout_command.hpp"
#include "app/play_command.hpp"
#include "app/preview_command.hpp"
#include "app/report_command.hpp"
#include "app/schedule_command.hpp"
#include "app/validate_command.hpp"

namespace keiji::app {

namespace {

// The language of messages, from the locale variables in POSIX precedence order.
std::string message_language() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        if (const char* value = std::getenv(name); value != nullptr && *value != '\0') {
            return value;
        }
    }
    return "en";
}

// Accepts "1280x720"; returns false for anything else.
bool parse_size(const std::string& text, int& width, int& height) {
    const auto x = text.find('x');
    if (x == std::string::npos) {
        return false;
    }
    try {
        std::size_t used = 0;
        width = std::stoi(text.substr(0, x), &used);
        if (used != x)
            return false;
        height = std::stoi(text.substr(x + 1), &used);
        if (used != text.size() - x - 1)
            return false;
    } catch (const std::exception&) {
        return false;
    }
    return width >= 160 && height >= 120 && width <= 8192 && height <= 8192;
}

// The options validate and preview share: the screen the slides are judged on.
void add_staff_check_options(CLI::App& command, std::string& size, lint::Viewing& viewing,
                             std::string& display_language) {
    command
        .add_option("--size", size,
                    "Screen size in pixels, WxH (default 1920x1080; "
                    "1080x1920 for portrait)")
        ->type_name("WxH");
    command
        .add_option("--viewing-distance", viewing.distance_m,
                    "Metres from which people read the screen (default 3)")
        ->check(CLI::Range(0.3, 100.0));
    command
        .add_option("--screen-inches", viewing.diagonal_inches,
                    "Diagonal of the screen in inches (default 55)")
        ->check(CLI::Range(7.0, 400.0));
    command
        .add_option("--lang", display_language,
                    "Language the screen shows (ja, ja-x-easy, en, zh-Hans, ko, ...)")
        ->capture_default_str();
}

// --size for validate and preview; empty keeps the default. Prints the problem and returns false
// for anything that is not a size.
bool read_size_option(const std::string& text, int& width, int& height) {
    if (text.empty() || parse_size(text, width, height)) {
        return true;
    }
    std::fputs(
        fmt::format("keiji: --size \"{}\" is not a size; write it like 1920x1080\n", text).c_str(),
        stderr);
    return false;
}

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

}  // namespace

int run_cli(int argc, char** argv) {
    CLI::App app{overview, "keiji"};
    app.set_version_flag("--version", std::string("keiji ") + KEIJI_VERSION);
    app.require_subcommand(0, 1);
    app.footer("Run 'keiji COMMAND --help' for the options of one command.");

    PlayOptions play_options;
    std::string window_size;
    auto* play = app.add_subcommand("play",
                                    "Play the playlists: in a window, full screen, or "
                                    "headless to PNG files");
    play->add_option("--content", play_options.content,
                     "Folder of playlists (*.json) or one playlist file")
        ->capture_default_str();
    auto* window_option =
        play->add_option("--window", window_size, "Window size (headless: frame size), WxH")
            ->type_name("WxH");
    play->add_flag("--fullscreen", play_options.fullscreen,
                   "Fill the whole display, hide the mouse cursor")
        ->excludes(window_option);
    auto* headless = play->add_flag("--headless", play_options.headless,
                                    "No window: write the frame shown at each change as a PNG "
                                    "(default size 1920x1080)");
    play->add_option("--out", play_options.out_directory, "Headless: folder for the PNG frames")
        ->capture_default_str()
        ->needs(headless);
    play->add_option("--seconds", play_options.seconds,
                     "Headless: play this many seconds (simulated, so a day takes seconds)")
        ->check(CLI::PositiveNumber)
        ->needs(headless);
    play->add_flag("--discard-frames", play_options.discard_frames,
                   "Headless: render every frame but write no PNG (for long runs; the log "
                   "still counts the slides presented)")
        ->needs(headless);
    play->add_option("--cycles", play_options.cycles,
                     "Headless: stop after showing every eligible item this many times")
        ->check(CLI::PositiveNumber)
        ->needs(headless);
    play->add_option("--at", play_options.at,
                     "Start the clock at this time instead of now, e.g. 2025-11-20T10:00:00+09:00")
        ->type_name("ISO8601");
    play->add_option("--transition", play_options.transition,
                     "How one slide gives way to the next: crossfade, cut or slide")
        ->capture_default_str();
    play->add_option("--rotate", play_options.rotation,
                     "Turn the picture this many degrees clockwise on the panel: 0, 90, 180 or "
                     "270 (90 or 270 for a portrait screen on a landscape panel; the templates "
                     "lay out at 1080x1920 on a 1920x1080 panel). Headless PNGs show the panel, "
                     "turned")
        ->check(CLI::IsMember({0, 90, 180, 270}))
        ->type_name("DEG");
    play->add_flag("--era", play_options.japanese_era, "Dates in the header as 令和8年11月24日");
    play->add_option("--ticker", play_options.ticker,
                     "A short notice scrolling at the bottom (repeat for several); without it a "
                     "still slide costs no CPU")
        ->type_name("TEXT");
    play->add_option("--config", play_options.config_file,
                     "Kiosk configuration (JSON, see content-schema/config.schema.json); the "
                     "command line wins over it")
        ->type_name("FILE");
    play->add_option("--feed", play_options.feed,
                     "Play the feed at this address (https://…/feed.json, or a folder), kept in "
                     "the cache for offline play; --content plays until the first sync")
        ->type_name("URL");
    play->add_option("--cache", play_options.cache_directory,
                     "The offline cache folder (see keiji cache --help)")
        ->capture_default_str()
        ->type_name("DIR");
    play->add_option("--lang", play_options.language, "Language to show (ja, en, zh-Hans, ko, ...)")
        ->capture_default_str();
    play->add_option("--state-dir", play_options.state_directory,
                     "Folder for state that survives a reboot: alerts.json, incoming/ (drop-in "
                     "alert envelopes)")
        ->capture_default_str();
    play->add_option("--alert-keys", play_options.alert_keys,
                     "Public keys trusted for alerts (default /etc/keiji/alert-keys.json; "
                     "without it alerts are off)")
        ->type_name("FILE");
    play->add_option("--mqtt", play_options.mqtt_url,
                     "MQTT broker for alerts, e.g. mqtt://broker.example:1883")
        ->type_name("URL");
    play->add_option("--mqtt-topic", play_options.mqtt_topic, "MQTT topic of the alerts")
        ->capture_default_str();
    play->add_option("--alert-url", play_options.alert_url,
                     "Alert envelope polled over HTTP (the fallback when MQTT is down)")
        ->type_name("URL");
    play->add_option("--alert-poll", play_options.alert_poll_seconds,
                     "Seconds between HTTP polls of --alert-url")
        ->check(CLI::Range(0.1, 3600.0))
        ->capture_default_str();
    play->add_option("--alert-rotation", play_options.alert_rotation_seconds,
                     "Seconds each language of an alert stays on screen")
        ->check(CLI::Range(1.0, 600.0))
        ->capture_default_str();
    play->add_flag("--realtime", play_options.realtime,
                   "Headless: run on the real clock (to receive alerts over the network)")
        ->needs(headless);
    play->footer(
        "Keys in a window: Esc or q quits. SIGTERM and SIGINT stop the player cleanly.\n"
        "SIGHUP (systemctl reload keiji) reads --config and the playlists again: the slide on "
        "screen stays until its time is up (at most 5 s more), then the new content plays. A "
        "broken setting is "
        "reported with file:line:col and its default used; an unreadable file or a folder "
        "without a readable playlist keeps what was playing.\n"
        "Self-check: a black frame where content should be, or a frame that does not change "
        "when the slide does, is logged and cured by reloading the content and recreating the "
        "renderer (KEIJI_TEST_FAULT=black in the environment fakes a black screen, for tests).");

    ValidateOptions validate_options;
    validate_options.language = message_language();
    auto* validate = app.add_subcommand(
        "validate", "Check playlist files; prints file:line:col: error: /pointer: message");
    validate->add_option("FILE", validate_options.files, "Playlist files to check")
        ->required()
        ->check(CLI::ExistingFile);
    std::string validate_size;
    add_staff_check_options(*validate, validate_size, validate_options.viewing,
                            validate_options.display_language);
    validate->add_flag_function(
        "--json", [&](std::int64_t) { validate_options.format = OutputFormat::json; },
        "Print one JSON document (files, problems with line, column, pointer, severity, "
        "messages in English and Japanese) on stdout");
    validate->add_flag_function(
        "--strict", [&](std::int64_t) { validate_options.strictness = Strictness::warnings_fail; },
        "Treat warnings (overflow, tofu, small text, contrast, reading time, never plays) as "
        "errors");
    validate->footer(
        "Messages are in Japanese when LANG starts with \"ja\". Exit code: 0 all "
        "valid, 1 problems found, 2 usage error.\n"
        "Rules: text at least viewing distance / 250 high (Japanese public-signage rule, MLIT "
        "barrier-free guideline: 40 mm at 10 m); contrast at least 4.5:1 (WCAG 2.2 AA); "
        "reading at 400 Japanese characters or 200 words a minute.");

    PreviewOptions preview_options;
    preview_options.message_language = message_language();
    std::string preview_size;
    auto* preview = app.add_subcommand(
        "preview", "Draw each item of a playlist as a PNG, plus contact-sheet.png");
    preview->add_option("FILE", preview_options.file, "Playlist file")
        ->required()
        ->check(CLI::ExistingFile);
    preview->add_option("--out", preview_options.out_directory, "Folder for the PNG files")
        ->required();
    preview
        ->add_option("--at", preview_options.at,
                     "Show the slides as at this time (events' あと N 日), e.g. "
                     "2025-11-20T10:00:00+09:00")
        ->type_name("ISO8601");
    add_staff_check_options(*preview, preview_size, preview_options.viewing,
                            preview_options.language);
    preview->footer(
        "Example: keiji preview playlists/partners.json --out preview --size 1080x1920 "
        "(portrait)");

    LayoutOptions layout_options;
    auto* layout = app.add_subcommand(
        "layout", "Print the lines the renderer would draw for TEXT at a width and font size");
    layout
        ->add_option("TEXT", layout_options.text,
                     "Text with \\n line breaks and ruby 漢字《かんじ》 or ｜base《ruby》; - reads "
                     "stdin")
        ->required();
    layout->add_option("--width", layout_options.width, "Line width in pixels")
        ->required()
        ->check(CLI::Range(1, 100000));
    layout->add_option("--size", layout_options.size, "Font size in pixels")
        ->required()
        ->check(CLI::Range(1, 2000));
    layout
        ->add_option("--height", layout_options.height,
                     "Fit into this many pixels, shrinking the size down to --min-size")
        ->check(CLI::Range(1, 100000));
    layout
        ->add_option("--min-size", layout_options.min_size,
                     "Smallest size when fitting (default: half of --size)")
        ->check(CLI::Range(1, 2000));
    layout
        ->add_option("--lang", layout_options.language,
                     "Language of the text (ja, ja-x-easy, en, zh-Hans, zh-Hant, ko, ...)")
        ->capture_default_str();
    layout->add_flag("--bold", layout_options.bold, "Use the bold faces");
    layout->add_flag(
        "--json", layout_options.json,
        "Print JSON: lines with widths and ruby, size chosen, overflow, missing glyphs");
    layout->footer(
        "Example: keiji layout --width 640 --size 48 --json "
        "'会場は区立プラタナス公園《こうえん》です。'");

    ScheduleOptions schedule_options;
    schedule_options.language = message_language();
    auto* schedule = add_schedule_command(app, schedule_options);

    AlertCommandOptions alert_options;
    alert_options.language = message_language();
    auto* alert = add_alert_command(app, alert_options);

    CacheCommandOptions cache_options;
    cache_options.language = message_language();
    auto* cache = add_cache_command(app, cache_options);
    FeedCommandOptions feed_options;
    feed_options.language = message_language();
    auto* feed = add_feed_command(app, feed_options);

    ReportOptions report_options;
    auto* report = app.add_subcommand("report", "Reports from what the screen actually showed");
    auto* proof_of_play = report->add_subcommand(
        "proof-of-play", "How often and how long each item and partner municipality was shown");
    proof_of_play->add_option("--from", report_options.from, "First day, YYYY-MM-DD")->required();
    proof_of_play->add_option("--to", report_options.to, "Last day, YYYY-MM-DD")->required();
    proof_of_play->add_flag("--csv", report_options.csv, "CSV for a spreadsheet");
    proof_of_play
        ->add_option("--state-dir", report_options.state_directory,
                     "Where the player keeps its state")
        ->capture_default_str();
    report->require_subcommand(1);
    proof_of_play->footer(
        "Example: keiji report proof-of-play --from 2026-11-01 --to 2026-11-30 "
        "--csv > november.csv");

    if (argc > 1 && argv[1][0] != '-' &&
        app.get_subcommands([&](const CLI::App* sub) { return sub->get_name() == argv[1]; })
            .empty()) {
        std::string commands;
        for (const CLI::App* sub : app.get_subcommands({})) {
            commands += (commands.empty() ? "" : ", ") + sub->get_name();
        }
        std::fputs(fmt::format("keiji: unknown command \"{}\". Commands: {}. Run 'keiji --help' "
                               "for more.\n",
                               argv[1], commands)
                       .c_str(),
                   stderr);
        return 2;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::fputs(fmt::format("keiji: {}\nRun 'keiji {}--help' for the options.\n", e.what(),
                               app.get_subcommands().empty()
                                   ? ""
                                   : app.get_subcommands().front()->get_name() + " ")
                       .c_str(),
                   stderr);
        return 2;
    }

    if (play->parsed()) {
        if (!window_size.empty()) {
            if (!parse_size(window_size, play_options.width, play_options.height)) {
                std::fputs(fmt::format("keiji: --window \"{}\" is not a size; write it like "
                                       "1280x720\n",
                                       window_size)
                               .c_str(),
                           stderr);
                return 2;
            }
            play_options.size_given = true;
        }
        return run_play(play_options);
    }
    if (validate->parsed()) {
        if (!read_size_option(validate_size, validate_options.width, validate_options.height)) {
            return 2;
        }
        return run_validate(validate_options);
    }
    if (preview->parsed()) {
        if (!read_size_option(preview_size, preview_options.width, preview_options.height)) {
            return 2;
        }
        return run_preview(preview_options);
    }
    if (layout->parsed()) {
        return run_layout(layout_options);
    }
    if (proof_of_play->parsed()) {
        return run_report(report_options);
    }
    if (schedule->parsed()) {
        return run_schedule(schedule_options);
    }
    if (alert->parsed()) {
        return run_alert(alert_options);
    }
    if (cache->parsed()) {
        return run_cache(cache_options);
    }
    if (feed->parsed()) {
        return run_feed(feed_options);
    }
    std::fputs(app.help().c_str(), stderr);
    return 2;
}

}  // namespace keiji::app
