#include "alert/screen_report.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "alert/signing.hpp"

namespace keiji::alert {

namespace {

std::string timestamp(model::TimePoint at) {
    return date::format("%FT%TZ", std::chrono::floor<std::chrono::seconds>(at));
}

std::vector<std::string> strings(const nlohmann::json& list) {
    std::vector<std::string> values;
    if (list.is_array()) {
        for (const nlohmann::json& value : list) {
            if (value.is_string()) {
                values.push_back(value.get<std::string>());
            }
        }
    }
    return values;
}

std::string string_at(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

// Keeps the newest sequence of each alert a screen confirmed (a receipt and a status may arrive
// in either order).
void remember(ScreenState& state, Receipt receipt) {
    if (receipt.identifier.empty()) {
        return;
    }
    const auto known = state.receipts.find(receipt.identifier);
    if (known == state.receipts.end() || known->second.sequence < receipt.sequence) {
        state.receipts[receipt.identifier] = std::move(receipt);
    }
}

}  // namespace

std::string presence_message(std::string_view screen_id, bool online) {
    return nlohmann::json{{"screen", screen_id}, {"online", online}}.dump();
}

std::string alert_receipt(std::string_view screen_id, const Alert& alert,
                          model::TimePoint shown_at) {
    return nlohmann::json{{"screen", screen_id},
                          {"identifier", alert.identifier},
                          {"sequence", alert.sequence},
                          {"shown_at", timestamp(shown_at)}}
        .dump();
}

std::optional<std::string> snapshot_request_nonce(std::string_view payload) {
    const nlohmann::json request = nlohmann::json::parse(payload, nullptr, false);
    if (!request.is_object() || !request.contains("nonce") || !request["nonce"].is_string()) {
        return std::nullopt;
    }
    std::string nonce = request["nonce"].get<std::string>();
    const bool plain = std::ranges::all_of(nonce, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_';
    });
    if (nonce.empty() || nonce.size() > 64 || !plain) {
        return std::nullopt;
    }
    return nonce;
}

std::string snapshot_request(std::string_view nonce) {
    return nlohmann::json{{"nonce", nonce}}.dump();
}

std::string snapshot_message(std::string_view screen_id, std::string_view nonce,
                             std::string_view jpeg, model::TimePoint taken_at) {
    return nlohmann::json{{"screen", screen_id},
                          {"nonce", nonce},
                          {"taken_at", timestamp(taken_at)},
                          {"jpeg", to_base64(jpeg)}}
        .dump();
}

std::optional<std::string> Fleet::take(std::string_view topic, std::string_view payload) {
    // <screens topic>/<screen id>/<status|receipt>
    if (!topic.starts_with(m_screens_topic) || topic.size() <= m_screens_topic.size() + 1 ||
        topic[m_screens_topic.size()] != '/') {
        return fmt::format("{}: not under {}", topic, m_screens_topic);
    }
    const std::string_view rest = topic.substr(m_screens_topic.size() + 1);
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos || slash == 0) {
        return fmt::format("{}: no screen id in the topic", topic);
    }
    const std::string screen(rest.substr(0, slash));
    const std::string_view kind = rest.substr(slash + 1);
    if (kind == "snapshot" || kind.starts_with("snapshot/")) {
        return std::nullopt;  // Pictures and their requests: not the fleet's state.
    }
    if (kind != "presence" && kind != "status" && kind != "receipt") {
        return fmt::format("{}: \"{}\" is not presence, status or receipt", topic, kind);
    }
    if (payload.empty()) {
        return std::nullopt;  // A cleared retained message: nothing to learn.
    }
    const nlohmann::json message = nlohmann::json::parse(payload, nullptr, false);
    if (!message.is_object()) {
        return fmt::format("{}: not a JSON object", topic);
    }
    // The broker's ACL lets a screen write only under its own id; a message that names another
    // screen is not believed.
    if (string_at(message, "screen") != screen) {
        return fmt::format("{}: names screen \"{}\"", topic, string_at(message, "screen"));
    }
    if (kind == "receipt") {
        const auto shown_at = model::parse_timestamp(string_at(message, "shown_at"));
        const auto sequence = message.find("sequence");
        if (!shown_at || sequence == message.end() || !sequence->is_number_integer()) {
            return fmt::format("{}: a receipt without shown_at or sequence", topic);
        }
        ScreenState& state = m_screens[screen];
        state.screen = screen;
        remember(state, Receipt{.identifier = string_at(message, "identifier"),
                                .sequence = sequence->get<long long>(),
                                .shown_at = *shown_at});
        return std::nullopt;
    }
    ScreenState& state = m_screens[screen];
    state.screen = screen;
    if (kind == "presence") {
        const auto online = message.find("online");
        state.online = online != message.end() && online->is_boolean() && online->get<bool>();
        return std::nullopt;
    }
    state.tags = strings(message.value("tags", nlohmann::json::array()));
    state.last_seen = model::parse_timestamp(string_at(message, "time"));
    state.on_screen = string_at(message, "on_screen");
    state.mode = string_at(message, "mode");
    state.version = string_at(message, "version");
    const std::string synced = string_at(message, "last_sync");
    state.last_sync = synced.empty() ? std::nullopt : std::optional(synced);
    state.active_alerts = strings(message.value("active_alerts", nlohmann::json()));
    const nlohmann::json listed = message.value("receipts", nlohmann::json::array());
    for (const nlohmann::json& receipt : listed.is_array() ? listed : nlohmann::json::array()) {
        const auto shown_at = model::parse_timestamp(string_at(receipt, "shown_at"));
        const auto sequence = receipt.find("sequence");
        if (shown_at && sequence != receipt.end() && sequence->is_number_integer()) {
            remember(state, Receipt{.identifier = string_at(receipt, "identifier"),
                                    .sequence = sequence->get<long long>(),
                                    .shown_at = *shown_at});
        }
    }
    return std::nullopt;
}

std::vector<std::pair<std::string, AlertReach>> Fleet::in_force() const {
    std::set<std::string> identifiers;
    for (const auto& [screen, state] : m_screens) {
        identifiers.insert(state.active_alerts.begin(), state.active_alerts.end());
    }
    std::vector<std::pair<std::string, AlertReach>> reaches;
    for (const std::string& identifier : identifiers) {
        reaches.emplace_back(identifier, reach(identifier, 0));
    }
    return reaches;
}

AlertReach Fleet::reach(std::string_view identifier, long long sequence) const {
    AlertReach reach;
    for (const auto& [screen, state] : m_screens) {
        const auto receipt = state.receipts.find(std::string(identifier));
        if (receipt != state.receipts.end() && receipt->second.sequence >= sequence) {
            reach.shown.emplace_back(screen, receipt->second.shown_at);
        } else {
            reach.not_shown.push_back(screen);
        }
    }
    return reach;
}

}  // namespace keiji::alert
