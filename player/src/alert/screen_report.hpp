#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alert/alert.hpp"
#include "model/time.hpp"

namespace keiji::alert {

// What screens tell the disaster office through the MQTT broker, and what the office makes of
// it. Each screen publishes, retained, under <screens topic>/<screen id>/:
//   presence {"screen", "online": true} on every connect; {"screen", "online": false} when it
//            stops, and as its will, which the broker publishes when the screen vanishes;
//   status   {"screen", "tags", "time", "version", "uptime_seconds", "on_screen", "mode",
//             "last_sync", "active_alerts", "receipts": [receipt...], ...} when an alert comes
//             or goes, or another is on screen, and at most once a
//            minute otherwise (kept apart from presence, so an offline screen's last status,
//            and when it was last seen, stay readable);
//   receipt  {"screen", "identifier", "sequence", "shown_at"} when an alert is first on screen;
//   snapshot {"screen", "nonce", "taken_at", "jpeg": base64} (not retained) in answer to a
//            {"nonce"} on snapshot/request: what the screen shows, at most 480 pixels wide.

// A presence message.
[[nodiscard]] std::string presence_message(std::string_view screen_id, bool online);
// The receipt of `alert` first shown at `shown_at`.
[[nodiscard]] std::string alert_receipt(std::string_view screen_id, const Alert& alert,
                                        model::TimePoint shown_at);

// The nonce of a snapshot request (1 to 64 of A-Z, a-z, 0-9, '-', '_'), or nullopt for
// anything else.
[[nodiscard]] std::optional<std::string> snapshot_request_nonce(std::string_view payload);
[[nodiscard]] std::string snapshot_request(std::string_view nonce);
// The answer to a request: the picture as JPEG bytes.
[[nodiscard]] std::string snapshot_message(std::string_view screen_id, std::string_view nonce,
                                           std::string_view jpeg, model::TimePoint taken_at);

struct Receipt {
    std::string identifier;
    long long sequence = 0;
    model::TimePoint shown_at{};
};

// One screen as the office sees it, from its last status and receipt.
struct ScreenState {
    std::string screen;
    std::vector<std::string> tags;
    bool online = false;
    std::optional<model::TimePoint> last_seen;  // The time of its last status.
    std::string on_screen;
    std::string mode;  // "normal" or "alert".
    std::string version;
    std::optional<std::string> last_sync;
    std::vector<std::string> active_alerts;
    // Identifier → the newest sequence confirmed, from receipts and from the status's own list
    // (which covers every alert in force, where the retained receipt is only the latest).
    std::map<std::string, Receipt> receipts;
};

// Which screens have shown an alert (its sequence or a later one) and which have not.
struct AlertReach {
    std::vector<std::pair<std::string, model::TimePoint>> shown;  // Screen, when.
    std::vector<std::string> not_shown;
};

// The fleet as the broker's retained messages describe it.
class Fleet {
public:
    explicit Fleet(std::string screens_topic) : m_screens_topic(std::move(screens_topic)) {}

    // Takes one message. Returns an explanation when it is not a screen's status or receipt
    // (a message of another kind, a screen id that disagrees with its topic, broken JSON).
    std::optional<std::string> take(std::string_view topic, std::string_view payload);

    [[nodiscard]] const std::map<std::string, ScreenState>& screens() const { return m_screens; }
    [[nodiscard]] AlertReach reach(std::string_view identifier, long long sequence) const;
    // Every alert some screen says is in force, each with how many screens confirmed it (any
    // sequence): the office sees an earlier alert's reach too, not only the topic's latest.
    [[nodiscard]] std::vector<std::pair<std::string, AlertReach>> in_force() const;

private:
    std::string m_screens_topic;
    std::map<std::string, ScreenState> m_screens;
};

}  // namespace keiji::alert
