#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "alert/mqtt_channel.hpp"
#include "alert/screen_report.hpp"
#include "model/error.hpp"

namespace keiji::alert {

// The alert the broker holds on the alert topic, as read from its envelope (not verified: the
// office is looking at what it sent, the screens do the verifying).
struct AlertOnTopic {
    std::string identifier;
    long long sequence = 0;
    std::string status;
    std::string message_type;
    std::string headline;
};

struct FleetSnapshot {
    Fleet fleet{""};
    std::optional<AlertOnTopic> alert;
    std::vector<std::string> ignored;  // Messages that were not a screen's status or receipt.
};

// Connects to the broker, reads the retained statuses and receipts under `screens_topic` and
// the alert on `alert_topic` for `listen` (retained messages come at once after subscribing;
// there is no end marker), and returns what they say.
[[nodiscard]] model::Result<FleetSnapshot> read_fleet(const MqttAddress& address,
                                                      const std::string& screens_topic,
                                                      const std::string& alert_topic,
                                                      std::chrono::milliseconds listen);

// What `keiji fleet status --json` prints and the studio's fleet view reads: every screen, and
// for the alert on the topic, which screens confirmed it and when.
[[nodiscard]] nlohmann::json to_json(const FleetSnapshot& snapshot);

}  // namespace keiji::alert
