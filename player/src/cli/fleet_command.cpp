#include "cli/fleet_command.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "alert/fleet_watch.hpp"
#include "cli/broker_options.hpp"
#include "cli/messages.hpp"
#include "play/settings.hpp"

namespace keiji::cli {

namespace {

struct FleetOptions {
    BrokerOptions broker;
    std::string alert_topic = play::Settings{}.mqtt_topic;
    std::string screens_topic = "keiji/screens";
    double listen_seconds = 2;
    bool json = false;
    std::string language = "en";
};

std::string timestamp(model::TimePoint at) {
    return date::format("%FT%TZ", std::chrono::floor<std::chrono::seconds>(at));
}

nlohmann::json as_json(const alert::FleetSnapshot& snapshot) {
    nlohmann::json screens = nlohmann::json::array();
    for (const auto& [id, state] : snapshot.fleet.screens()) {
        screens.push_back(
            {{"screen", id},
             {"tags", state.tags},
             {"online", state.online},
             {"last_seen", state.last_seen ? nlohmann::json(timestamp(*state.last_seen)) : nullptr},
             {"on_screen", state.on_screen},
             {"mode", state.mode},
             {"version", state.version},
             {"last_sync", state.last_sync ? nlohmann::json(*state.last_sync) : nullptr},
             {"active_alerts", state.active_alerts}});
    }
    nlohmann::json answer = {
        {"screens", screens}, {"alert", nullptr}, {"ignored", snapshot.ignored}};
    if (snapshot.alert) {
        const auto reach =
            snapshot.fleet.reach(snapshot.alert->identifier, snapshot.alert->sequence);
        nlohmann::json shown = nlohmann::json::array();
        for (const auto& [screen, at] : reach.shown) {
            shown.push_back({{"screen", screen}, {"shown_at", timestamp(at)}});
        }
        answer["alert"] = {{"identifier", snapshot.alert->identifier},
                           {"sequence", snapshot.alert->sequence},
                           {"status", snapshot.alert->status},
                           {"msgType", snapshot.alert->message_type},
                           {"headline", snapshot.alert->headline},
                           {"screens", snapshot.fleet.screens().size()},
                           {"shown", shown},
                           {"not_shown", reach.not_shown}};
    }
    return answer;
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

int run_fleet(const FleetOptions& options) {
    if (options.broker.url.empty()) {
        return fail("fleet", "say which broker: --mqtt mqtt://broker:1883", 2);
    }
    auto address = broker_address(options.broker);
    if (!address) {
        return fail("fleet", address.error(), options.language, 2);
    }
    const auto snapshot = alert::read_fleet(
        *address, options.screens_topic, options.alert_topic,
        std::chrono::milliseconds(static_cast<long long>(options.listen_seconds * 1000)));
    if (!snapshot) {
        return fail("fleet", snapshot.error(), options.language);
    }
    print(options.json ? as_json(*snapshot).dump(2) + "\n"
                       : as_text(*snapshot, options.language.starts_with("ja")));
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
    return Command{command, [shared] { return run_fleet(*shared); }};
}

}  // namespace keiji::cli
