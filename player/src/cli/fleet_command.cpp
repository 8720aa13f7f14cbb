#include "cli/fleet_command.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "alert/fleet_watch.hpp"
#include "alert/screen_snapshot.hpp"
#include "cli/broker_options.hpp"
#include "cli/messages.hpp"
#include "play/settings.hpp"
#include "storage/file_io.hpp"

namespace keiji::cli {

namespace {

struct FleetOptions {
    BrokerOptions broker;
    std::string alert_topic = play::Settings{}.mqtt_topic;
    std::string screens_topic = "keiji/screens";
    double listen_seconds = 2;
    bool json = false;
    std::string language = "en";
    std::string screen;        // fleet snapshot
    std::string out;           // fleet snapshot: the JPEG file
    double wait_seconds = 10;  // fleet snapshot
};

std::string timestamp(model::TimePoint at) {
    return date::format("%FT%TZ", std::chrono::floor<std::chrono::seconds>(at));
}

// The table people read: the alert first (what the office came for), then the screens by tag.
std::string as_text(const alert::FleetSnapshot& snapshot, bool japanese) {
    const auto say = [japanese](std::string_view en, std::string_view ja) {
        return std::string(japanese ? ja : en);
    };
    std::string text;
    const auto& screens = snapshot.fleet.screens();
    if (snapshot.alert) {
        const auto& alert = *snapshot.alert;
        const auto reach = snapshot.fleet.reach(alert.identifier, alert.sequence);
        text += fmt::format("{} {} ({} {}, {}) {}\n", say("Alert", "警報"), alert.identifier,
                            say("sequence", "版"), alert.sequence, alert.status, alert.headline);
        text +=
            japanese
                ? fmt::format("  表示を確認: {} 台中 {} 台\n", screens.size(), reach.shown.size())
                : fmt::format("  shown on {} of {} screens\n", reach.shown.size(), screens.size());
        for (const auto& [screen, at] : reach.shown) {
            text += fmt::format("    {:<20} {} {}\n", screen, say("shown", "表示"), timestamp(at));
        }
        for (const std::string& screen : reach.not_shown) {
            text += fmt::format("    {:<20} {}\n", screen, say("NOT CONFIRMED", "未確認"));
        }
    } else {
        text += say("No alert on the alert topic.\n", "警報トピックに警報はありません。\n");
    }
    for (const auto& [identifier, reach] : snapshot.fleet.in_force()) {
        if (snapshot.alert && identifier == snapshot.alert->identifier) {
            continue;
        }
        text += japanese ? fmt::format("他に有効な警報 {}: 表示を確認 {} 台中 {} 台\n", identifier,
                                       screens.size(), reach.shown.size())
                         : fmt::format("Also in force: {}, shown on {} of {} screens\n", identifier,
                                       reach.shown.size(), screens.size());
    }
    std::map<std::string, std::vector<const alert::ScreenState*>> by_tag;
    std::size_t online = 0;
    for (const auto& [id, state] : screens) {
        by_tag[state.tags.empty() ? say("(no tag)", "(タグなし)") : state.tags.front()].push_back(
            &state);
        online += state.online ? 1 : 0;
    }
    text += japanese ? fmt::format("\n画面 {} 台(オンライン {} 台)\n", screens.size(), online)
                     : fmt::format("\n{} screens, {} online\n", screens.size(), online);
    for (const auto& [tag, members] : by_tag) {
        text += fmt::format("[{}]\n", tag);
        for (const alert::ScreenState* state : members) {
            text += fmt::format(
                "  {:<20} {:<8} {} {}  {} {}  {} {}\n", state->screen,
                state->online ? say("online", "オンライン") : say("OFFLINE", "オフライン"),
                say("last seen", "最終確認"), state->last_seen ? timestamp(*state->last_seen) : "-",
                say("showing", "表示中"),
                state->on_screen.empty() ? std::string("-")
                : state->mode == "alert" ? "ALERT " + state->on_screen
                                         : state->on_screen,
                say("feed synced", "配信同期"), state->last_sync.value_or("-"));
        }
    }
    if (screens.empty()) {
        text +=
            say("No screen has reported yet: are the screens given this broker (--mqtt) and "
                "a screen id?\n",
                "まだどの画面からも報告がありません。画面の設定にこのブローカー(--mqtt)と画面 ID "
                "があるか確認してください。\n");
    }
    return text;
}

// The broker as the options name it, or the exit code of saying why not.
std::expected<alert::MqttAddress, int> office_broker(const FleetOptions& options) {
    if (options.broker.url.empty()) {
        return std::unexpected(fail("fleet", "say which broker: --mqtt mqtt://broker:1883", 2));
    }
    auto address = broker_address(options.broker);
    if (!address) {
        return std::unexpected(fail("fleet", address.error(), options.language, 2));
    }
    return std::move(*address);
}

int run_fleet(const FleetOptions& options) {
    const auto address = office_broker(options);
    if (!address) {
        return address.error();
    }
    const auto snapshot = alert::read_fleet(
        *address, options.screens_topic, options.alert_topic,
        std::chrono::milliseconds(static_cast<long long>(options.listen_seconds * 1000)));
    if (!snapshot) {
        return fail("fleet", snapshot.error(), options.language);
    }
    print(options.json ? alert::to_json(*snapshot).dump(2) + "\n"
                       : as_text(*snapshot, options.language.starts_with("ja")));
    return 0;
}

int run_snapshot(const FleetOptions& options) {
    const auto address = office_broker(options);
    if (!address) {
        return address.error();
    }
    const auto picture = alert::request_snapshot(
        *address, options.screens_topic, options.screen,
        std::chrono::milliseconds(static_cast<long long>(options.wait_seconds * 1000)));
    if (!picture) {
        return fail("fleet", picture.error(), options.language);
    }
    const std::string out = options.out.empty() ? options.screen + ".jpg" : options.out;
    if (auto written = storage::write_file_atomically(out, picture->jpeg, {.durable = false});
        !written) {
        return fail("fleet", written.error(), options.language);
    }
    print(fmt::format("{}: {} ({} bytes, taken {})\n", options.screen, out, picture->jpeg.size(),
                      date::format("%FT%TZ", picture->taken_at)));
    return 0;
}

}  // namespace

Command add_fleet_command(CLI::App& app, const Context& context) {
    auto shared = std::make_shared<FleetOptions>();
    shared->language = context.message_language;
    auto* command = app.add_subcommand("fleet", "The screens as the MQTT broker knows them");
    command->require_subcommand(1);
    auto* status = command->add_subcommand(
        "status", "Every screen (online, last seen, what it shows) and who confirmed the alert");
    add_broker_options(*status, shared->broker);
    status->add_option("--topic", shared->alert_topic, "The alert topic")->capture_default_str();
    status->add_option("--screens-topic", shared->screens_topic, "Where screens report")
        ->capture_default_str();
    status->add_option("--listen", shared->listen_seconds, "Seconds to collect reports")
        ->check(CLI::Range(0.1, 60.0))
        ->capture_default_str();
    status->add_flag("--json", shared->json, "Print JSON for programs");
    status->footer(
        "Example: keiji fleet status --mqtt mqtts://broker.example:8883 --mqtt-user bousai "
        "--mqtt-password-file ~/.keiji-mqtt --mqtt-ca ca.crt");
    auto* snapshot = command->add_subcommand(
        "snapshot", "A JPEG of what one screen shows now (at most 480 pixels wide)");
    snapshot->add_option("screen", shared->screen, "The screen's id (screen.id)")->required();
    add_broker_options(*snapshot, shared->broker);
    snapshot->add_option("--out", shared->out, "Where to write it (default SCREEN.jpg)");
    snapshot->add_option("--screens-topic", shared->screens_topic, "Where screens report")
        ->capture_default_str();
    snapshot->add_option("--wait", shared->wait_seconds, "Seconds to wait for the screen")
        ->check(CLI::Range(1.0, 60.0))
        ->capture_default_str();
    snapshot->footer(
        "Example: keiji fleet snapshot lobby-1f --mqtt mqtts://broker.example:8883 --mqtt-user "
        "bousai --mqtt-password-file ~/.keiji-mqtt --mqtt-ca ca.crt --out lobby-1f.jpg");
    return Command{command, [shared, status] {
                       return status->parsed() ? run_fleet(*shared) : run_snapshot(*shared);
                   }};
}

}  // namespace keiji::cli
