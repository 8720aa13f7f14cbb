#pragma once

#include <expected>
#include <functional>
#include <memory>
#include <string>

#include "alert/channel.hpp"
#include "alert/mailbox.hpp"
#include "model/error.hpp"

struct mosquitto;
struct mosquitto_message;

namespace keiji::alert {

// "mqtt://host:port" (port 1883 when left out).
struct MqttAddress {
    std::string host;
    int port = 1883;
};
[[nodiscard]] model::Result<MqttAddress> parse_mqtt_url(std::string_view url);

// Subscribes to `topic` on an MQTT broker (libmosquitto's own network thread) and posts every
// message. The broker keeps the last alert as a retained message, so a screen that boots in the
// middle of an emergency gets it the moment it connects. Reconnects by itself with backoff.
class MqttChannel final : public Channel {
public:
    // Fails only when the client cannot be created; an unreachable broker is retried.
    [[nodiscard]] static model::Result<std::unique_ptr<MqttChannel>> start(
        const MqttAddress& address, std::string topic, Mailbox& mailbox,
        std::function<void(std::string)> log);
    ~MqttChannel() override;
    MqttChannel(const MqttChannel&) = delete;
    MqttChannel& operator=(const MqttChannel&) = delete;
    void stop() override;

private:
    MqttChannel(std::string topic, Mailbox& mailbox, std::function<void(std::string)> log)
        : m_topic(std::move(topic)), m_mailbox(mailbox), m_log(std::move(log)) {}

    static void on_connect(mosquitto* client, void* self, int result);
    static void on_disconnect(mosquitto* client, void* self, int result);
    static void on_message(mosquitto* client, void* self, const mosquitto_message* message);

    std::string m_topic;
    Mailbox& m_mailbox;
    std::function<void(std::string)> m_log;  // Called from the network thread.
    mosquitto* m_client = nullptr;
    bool m_running = false;
};

}  // namespace keiji::alert
