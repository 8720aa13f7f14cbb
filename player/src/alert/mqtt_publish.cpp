#include "alert/mqtt_publish.hpp"

#include <fmt/format.h>
#include <mosquitto.h>

#include <memory>
#include <mutex>

namespace keiji::alert {

namespace {

struct PublishState {
    int message_id = -1;
    bool acknowledged = false;
};

}  // namespace

model::Result<void> publish_retained(const MqttAddress& address, const std::string& topic,
                                     std::string_view payload, std::chrono::milliseconds timeout) {
    static std::once_flag once;
    std::call_once(once, [] { mosquitto_lib_init(); });
    PublishState state;
    std::unique_ptr<mosquitto, decltype(&mosquitto_destroy)> client(
        mosquitto_new(nullptr, true, &state), &mosquitto_destroy);
    if (!client) {
        return model::failure("cannot create an MQTT client");
    }
    mosquitto_publish_callback_set(client.get(), [](mosquitto*, void* user, int message_id) {
        auto* published = static_cast<PublishState*>(user);
        if (message_id == published->message_id) {
            published->acknowledged = true;
        }
    });
    if (const int result = connect_mqtt(client.get(), address, false); result != MOSQ_ERR_SUCCESS) {
        return model::failure(fmt::format("cannot connect to the MQTT broker {}:{}: {}",
                                          address.host, address.port, mosquitto_strerror(result)));
    }
    if (const int result = mosquitto_publish(client.get(), &state.message_id, topic.c_str(),
                                             int(payload.size()), payload.data(), 1, true);
        result != MOSQ_ERR_SUCCESS) {
        return model::failure(
            fmt::format("cannot publish to \"{}\": {}", topic, mosquitto_strerror(result)));
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!state.acknowledged && std::chrono::steady_clock::now() < deadline) {
        if (const int result = mosquitto_loop(client.get(), 100, 1); result != MOSQ_ERR_SUCCESS) {
            return model::failure(
                fmt::format("the MQTT broker went away: {}", mosquitto_strerror(result)));
        }
    }
    mosquitto_disconnect(client.get());
    if (!state.acknowledged) {
        return model::failure("the MQTT broker did not acknowledge the alert in time");
    }
    return {};
}

}  // namespace keiji::alert
