#pragma once

#include <chrono>
#include <string>

#include "alert/mqtt_channel.hpp"
#include "model/error.hpp"
#include "model/time.hpp"

namespace keiji::alert {

// What one screen showed when the office asked: a JPEG at most 480 pixels wide.
struct ScreenPicture {
    std::string jpeg;
    model::TimePoint taken_at{};
};

// Asks `screen` through the broker for a look at what it shows ({"nonce"} on
// <screens_topic>/<screen>/snapshot/request) and waits up to `timeout` for the answer that
// carries the same nonce (an older picture, or one from another screen, is not taken). Fails
// when the screen id is not plain (it becomes part of a topic), the broker refuses, or the
// screen does not answer in time (offline, or without MQTT).
[[nodiscard]] model::Result<ScreenPicture> request_snapshot(const MqttAddress& address,
                                                            const std::string& screens_topic,
                                                            const std::string& screen,
                                                            std::chrono::milliseconds timeout);

}  // namespace keiji::alert
