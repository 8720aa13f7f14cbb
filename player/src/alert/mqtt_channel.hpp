#pragma once

#include <expected>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "alert/channel.hpp"
#include "alert/mailbox.hpp"
#include "model/error.hpp"

struct mosquitto;
struct mosquitto_message;

namespace keiji::alert {

// "mqtt://host:port" (port 1883 when left out) or "mqtts://host:port" (TLS, port 8883 when
// left out), and how this client proves who it is.
struct MqttAddress {
    std::string host;
    int port = 1883;
    bool tls = false;
    std::string username;  // Empty: anonymous.
    std::string password;  // Read from a file, never given on a command line.
    std::string ca_file;   // TLS: the CA that signed the broker (empty: the system's).
};

// Fills in the account of `address` from a user name and a file holding the password (its
// first line). Fails when the file cannot be read.
[[nodiscard]] model::Result<void> set_mqtt_account(MqttAddress& address, std::string username,
                                                   const std::string& password_file);

// Connects `client` to `address` with its account and TLS set up; `asynchronously` lets an
// unreachable broker be retried by the network thread.
[[nodiscard]] int connect_mqtt(mosquitto* client, const MqttAddress& address, bool asynchronously);

// A client's presence on one retained topic: `online` published on every connect, `offline`
// left with the broker as the will it publishes when the client vanishes (a crash, a pulled
// plug, a hang past the keep-alive), and published by the client itself when it stops.
struct Presence {
    std::string topic;
    std::string online;
    std::string offline;
};
[[nodiscard]] model::Result<MqttAddress> parse_mqtt_url(std::string_view url);

// Requests addressed to this client on a topic of its own (a look at the screen): each message
// is handed to `on_request` on the network thread, never to the alert mailbox.
struct Requests {
    std::string topic;
    std::function<void(std::string)> on_request;
};

// Subscribes to `topic` on an MQTT broker (libmosquitto's own network thread) and posts every
// message `admit` lets through. The broker keeps the last alert as a retained message, so a screen
// that boots in the middle of an emergency gets it the moment it connects. Reconnects by itself
// with backoff.
class MqttChannel final : public Channel {
public:
    // Fails only when the client cannot be created; an unreachable broker is retried.
    [[nodiscard]] static model::Result<std::unique_ptr<MqttChannel>> start(
        const MqttAddress& address, std::string topic, Mailbox& mailbox,
        std::function<void(std::string)> log, std::optional<Presence> presence = std::nullopt,
        std::optional<Requests> requests = std::nullopt,
        std::function<bool(std::string_view)> admit = nullptr);
    ~MqttChannel() override;
    MqttChannel(const MqttChannel&) = delete;
    MqttChannel& operator=(const MqttChannel&) = delete;
    void stop() override;

    // Publishes `payload` on `topic` (QoS 1) from any thread; a retained one is also published
    // again after every reconnect, since the will may have replaced it meanwhile. Returns
    // false when the broker is not connected now (a retained one still goes out on reconnect).
    bool publish(const std::string& topic, std::string payload, bool retained);

private:
    MqttChannel(std::string topic, Mailbox& mailbox, std::function<void(std::string)> log,
                std::optional<Presence> presence, std::optional<Requests> requests,
                std::function<bool(std::string_view)> admit)
        : m_topic(std::move(topic)),
          m_mailbox(mailbox),
          m_log(std::move(log)),
          m_presence(std::move(presence)),
          m_requests(std::move(requests)),
          m_admit(std::move(admit)) {}

    static void on_connect(mosquitto* client, void* self, int result);
    static void on_disconnect(mosquitto* client, void* self, int result);
    static void on_message(mosquitto* client, void* self, const mosquitto_message* message);

    std::string m_topic;
    Mailbox& m_mailbox;
    std::function<void(std::string)> m_log;  // Called from the network thread.
    std::optional<Presence> m_presence;
    std::optional<Requests> m_requests;
    // Called on the network thread for each alert message: false drops it there (a flood of
    // forgeries never reaches the main loop).
    std::function<bool(std::string_view)> m_admit;
    mosquitto* m_client = nullptr;
    bool m_running = false;
    std::mutex m_mutex;  // Guards what follows: set by publish(), read by on_connect.
    std::map<std::string, std::string> m_retained;
    bool m_connected = false;
};

}  // namespace keiji::alert
