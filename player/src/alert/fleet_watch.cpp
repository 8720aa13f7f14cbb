#include "alert/fleet_watch.hpp"

#include <date/date.h>
#include <fmt/format.h>
#include <mosquitto.h>

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "alert/envelope.hpp"

namespace keiji::alert {

namespace {

struct Listening {
    FleetSnapshot snapshot;
    std::string alert_topic;
    std::vector<std::string> subscriptions;
    bool refused = false;
    int connack = 0;
};

std::optional<AlertOnTopic> alert_of(std::string_view envelope_text) {
    const auto envelope = parse_envelope(envelope_text);
    if (!envelope) {
        return std::nullopt;
    }
    const nlohmann::json payload = nlohmann::json::parse(envelope->payload, nullptr, false);
    if (!payload.is_object()) {
        return std::nullopt;
    }
    AlertOnTopic alert{.identifier = payload.value("identifier", ""),
                       .sequence = payload.value("sequence", 0LL),
                       .status = payload.value("status", ""),
                       .message_type = payload.value("msgType", "")};
    if (const auto info = payload.find("info"); info != payload.end() && info->is_array()) {
        for (const nlohmann::json& entry : *info) {
            if (entry.is_object() && entry.value("language", "") == "ja") {
                alert.headline = entry.value("headline", "");
            }
        }
        if (alert.headline.empty() && !info->empty() && info->front().is_object()) {
            alert.headline = info->front().value("headline", "");
        }
    }
    return alert;
}

void on_connect(mosquitto* client, void* user, int result) {
    auto* listening = static_cast<Listening*>(user);
    if (result != 0) {
        listening->refused = true;
        listening->connack = result;
        return;
    }
    for (const std::string& topic : listening->subscriptions) {
        mosquitto_subscribe(client, nullptr, topic.c_str(), 1);
    }
}

void on_message(mosquitto*, void* user, const mosquitto_message* message) {
    auto* listening = static_cast<Listening*>(user);
    const std::string_view payload(static_cast<const char*>(message->payload),
                                   message->payloadlen > 0 ? std::size_t(message->payloadlen) : 0);
    if (message->topic == listening->alert_topic) {
        listening->snapshot.alert = payload.empty() ? std::nullopt : alert_of(payload);
        return;
    }
    // A bounded list: a flood of junk must not make the office's view eat the memory.
    if (auto ignored = listening->snapshot.fleet.take(message->topic, payload);
        ignored && listening->snapshot.ignored.size() < 100) {
        listening->snapshot.ignored.push_back(std::move(*ignored));
    }
}

std::string timestamp(model::TimePoint at) {
    return date::format("%FT%TZ", std::chrono::floor<std::chrono::seconds>(at));
}

}  // namespace

model::Result<FleetSnapshot> read_fleet(const MqttAddress& address,
                                        const std::string& screens_topic,
                                        const std::string& alert_topic,
                                        std::chrono::milliseconds listen) {
    static std::once_flag once;
    std::call_once(once, [] { mosquitto_lib_init(); });
    Listening listening{
        .snapshot = {.fleet = Fleet(screens_topic)},
        .alert_topic = alert_topic,
        .subscriptions = {screens_topic + "/+/presence", screens_topic + "/+/status",
                          screens_topic + "/+/receipt", alert_topic}};
    std::unique_ptr<mosquitto, decltype(&mosquitto_destroy)> client(
        mosquitto_new(nullptr, true, &listening), &mosquitto_destroy);
    if (!client) {
        return model::failure("cannot create an MQTT client");
    }
    mosquitto_connect_callback_set(client.get(), &on_connect);
    mosquitto_message_callback_set(client.get(), &on_message);
    if (const int result = connect_mqtt(client.get(), address, false); result != MOSQ_ERR_SUCCESS) {
        return model::failure(fmt::format("cannot connect to the MQTT broker {}:{}: {}",
                                          address.host, address.port, mosquitto_strerror(result)));
    }
    const auto deadline = std::chrono::steady_clock::now() + listen;
    while (std::chrono::steady_clock::now() < deadline && !listening.refused) {
        if (const int result = mosquitto_loop(client.get(), 100, 1); result != MOSQ_ERR_SUCCESS) {
            if (listening.refused) {
                break;
            }
            return model::failure(
                fmt::format("the MQTT broker went away: {}", mosquitto_strerror(result)));
        }
    }
    if (listening.refused) {
        return model::failure(fmt::format("the MQTT broker refused the connection: {}",
                                          mosquitto_connack_string(listening.connack)));
    }
    mosquitto_disconnect(client.get());
    return std::move(listening.snapshot);
}

nlohmann::json to_json(const FleetSnapshot& snapshot) {
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
    nlohmann::json in_force = nlohmann::json::array();
    for (const auto& [identifier, reach] : snapshot.fleet.in_force()) {
        in_force.push_back({{"identifier", identifier},
                            {"shown", reach.shown.size()},
                            {"not_shown", reach.not_shown}});
    }
    nlohmann::json answer = {{"screens", screens},
                             {"alert", nullptr},
                             {"in_force", in_force},
                             {"ignored", snapshot.ignored}};
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

}  // namespace keiji::alert
