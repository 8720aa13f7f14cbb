#pragma once

#include <chrono>
#include <expected>
#include <string>
#include <string_view>

#include "alert/mqtt_channel.hpp"
#include "model/error.hpp"

namespace keiji::alert {

// Publishes `payload` to `topic` as a retained QoS 1 message and returns once the broker has
// acknowledged it (or fails after `timeout`). Retained: a screen that connects later still gets
// the alert at once.
[[nodiscard]] model::Result<void> publish_retained(
    const MqttAddress& address, const std::string& topic, std::string_view payload,
    std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace keiji::alert
