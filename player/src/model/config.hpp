#pragma once

#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "model/json_document.hpp"

namespace keiji::model {

// A public key that may sign feeds or alerts, by the id envelopes name it with.
struct PublicKey {
    std::string key_id;
    std::string public_key;  // Base64 of the 32-byte Ed25519 key.
};

// /etc/keiji/keiji.json (content-schema/config.schema.json is the reference). Every member
// has a default, so a kiosk with a partly broken file still plays.
struct Config {
    std::string screen_id;
    std::vector<std::string> screen_tags;

    std::string feed_url;
    int feed_poll_seconds = 300;
    std::vector<PublicKey> feed_keys;
    // Show 最終更新 (last updated) on screen when the last good sync is older than this; 0: never.
    int stale_after_minutes = 60;

    std::string alert_mqtt_url;
    std::string alert_mqtt_topic;
    std::string alert_poll_url;
    int alert_poll_seconds = 15;
    std::vector<PublicKey> alert_keys;

    std::vector<std::string> languages{"ja"};
    int rotation = 0;  // 0, 90, 180 or 270 degrees clockwise.
    std::optional<int> width;
    std::optional<int> height;
    double diagonal_inches = 55;
    double viewing_distance_m = 3;

    std::string cache_directory = "/var/cache/keiji";
    long long cache_budget_mb = 2048;
    std::string state_directory = "/var/lib/keiji";
};

// The configuration in `document`, with the defaults above for anything missing. Problems are
// returned with the config: a wrong member is reported (file:line:col, pointer, which member)
// and its default used, so the player still starts; only a document that is not an object at
// all yields nothing but errors.
struct ConfigResult {
    Config config;
    Errors problems;
};
[[nodiscard]] ConfigResult parse_config(const JsonDocument& document);

}  // namespace keiji::model
