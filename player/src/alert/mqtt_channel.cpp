#include "alert/mqtt_channel.hpp"

#include <fmt/format.h>
#include <mosquitto.h>

#include <charconv>
#include <fstream>
#include <mutex>

namespace keiji::alert {

namespace {

void initialise_library() {
    static std::once_flag once;
    std::call_once(once, [] { mosquitto_lib_init(); });
}

}  // namespace

model::Result<MqttAddress> parse_mqtt_url(std::string_view url) {
    MqttAddress address;
    std::string_view rest;
    if (url.starts_with("mqtts://")) {
        address.tls = true;
        address.port = 8883;
        rest = url.substr(8);
    } else if (url.starts_with("mqtt://")) {
        rest = url.substr(7);
    } else {
        return model::failure(fmt::format(
            "\"{}\" is not an MQTT address; write it like mqtt://broker:1883 or, with TLS, "
            "mqtts://broker:8883",
            url));
    }
    if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
        rest = rest.substr(0, slash);
    }
    const auto colon = rest.rfind(':');
    address.host = std::string(rest.substr(0, colon));
    if (colon != std::string_view::npos) {
        const std::string_view port = rest.substr(colon + 1);
        const auto [end, error] =
            std::from_chars(port.data(), port.data() + port.size(), address.port);
        if (error != std::errc{} || end != port.data() + port.size() || address.port <= 0 ||
            address.port > 65535) {
            return model::failure(fmt::format("\"{}\" has no valid port", url));
        }
    }
    if (address.host.empty()) {
        return model::failure(fmt::format("\"{}\" names no host", url));
    }
    return address;
}

model::Result<void> set_mqtt_account(MqttAddress& address, std::string username,
                                     const std::string& password_file) {
    address.username = std::move(username);
    if (password_file.empty()) {
        return {};
    }
    std::ifstream file(password_file);
    if (!file || !std::getline(file, address.password)) {
        return model::failure(fmt::format(
            "cannot read the MQTT password from {} (one line, readable by keiji)", password_file));
    }
    if (!address.password.empty() && address.password.back() == '\r') {
        address.password.pop_back();
    }
    return {};
}

int connect_mqtt(mosquitto* client, const MqttAddress& address, bool asynchronously) {
    if (!address.username.empty()) {
        const char* password = address.password.empty() ? nullptr : address.password.c_str();
        if (const int set = mosquitto_username_pw_set(client, address.username.c_str(), password);
            set != MOSQ_ERR_SUCCESS) {
            return set;
        }
    }
    if (address.tls) {
        const char* ca_file = address.ca_file.empty() ? nullptr : address.ca_file.c_str();
        const char* ca_path = ca_file == nullptr ? "/etc/ssl/certs" : nullptr;
        if (const int set = mosquitto_tls_set(client, ca_file, ca_path, nullptr, nullptr, nullptr);
            set != MOSQ_ERR_SUCCESS) {
            return set;
        }
    }
    // Keep-alive 10 s: a screen that hangs without closing its socket is marked offline by
    // its will within 15 s.
    constexpr int keep_alive_seconds = 10;
    return asynchronously
               ? mosquitto_connect_async(client, address.host.c_str(), address.port,
                                         keep_alive_seconds)
               : mosquitto_connect(client, address.host.c_str(), address.port, keep_alive_seconds);
}

model::Result<std::unique_ptr<MqttChannel>> MqttChannel::start(
    const MqttAddress& address, std::string topic, Mailbox& mailbox,
    std::function<void(std::string)> log, std::optional<Presence> presence,
    std::optional<Requests> requests, std::function<bool(std::string_view)> admit) {
    initialise_library();
    std::unique_ptr<MqttChannel> channel(new MqttChannel(std::move(topic), mailbox, std::move(log),
                                                         std::move(presence), std::move(requests),
                                                         std::move(admit)));
    // A clean session: the retained message is what matters, not queued history.
    channel->m_client = mosquitto_new(nullptr, true, channel.get());
    if (channel->m_client == nullptr) {
        return model::failure(
            "cannot create an MQTT client (out of memory, or libmosquitto1 is missing)");
    }
    mosquitto_connect_callback_set(channel->m_client, &MqttChannel::on_connect);
    mosquitto_disconnect_callback_set(channel->m_client, &MqttChannel::on_disconnect);
    mosquitto_message_callback_set(channel->m_client, &MqttChannel::on_message);
    mosquitto_reconnect_delay_set(channel->m_client, 1, 30, true);
    if (const auto& said = channel->m_presence) {
        mosquitto_will_set(channel->m_client, said->topic.c_str(), int(said->offline.size()),
                           said->offline.data(), 1, true);
        // Said on every connect, after the will may have spoken for a lost connection.
        channel->m_retained[said->topic] = said->online;
    }
    // connect_async + loop_start: an unreachable broker is retried on the network thread and
    // never delays the first frame.
    const int connected = connect_mqtt(channel->m_client, address, true);
    if (connected != MOSQ_ERR_SUCCESS && channel->m_log) {
        channel->m_log(fmt::format("cannot reach the MQTT broker {}:{} yet ({}); retrying",
                                   address.host, address.port, mosquitto_strerror(connected)));
    }
    if (const int started = mosquitto_loop_start(channel->m_client); started != MOSQ_ERR_SUCCESS) {
        return model::failure(
            fmt::format("cannot start the MQTT network thread: {}", mosquitto_strerror(started)));
    }
    channel->m_running = true;
    return channel;
}

MqttChannel::~MqttChannel() {
    stop();
    if (m_client != nullptr) {
        mosquitto_destroy(m_client);
    }
}

bool MqttChannel::publish(const std::string& topic, std::string payload, bool retained) {
    const std::scoped_lock lock(m_mutex);
    const bool sent =
        m_connected && mosquitto_publish(m_client, nullptr, topic.c_str(), int(payload.size()),
                                         payload.data(), 1, retained) == MOSQ_ERR_SUCCESS;
    if (retained) {
        m_retained[topic] = std::move(payload);
    }
    return sent;
}

void MqttChannel::stop() {
    if (m_running) {
        // A clean goodbye discards the will, so say what it would have said: the packets leave
        // in order, this before the DISCONNECT.
        if (m_presence) {
            publish(m_presence->topic, m_presence->offline, true);
        }
        mosquitto_disconnect(m_client);
        mosquitto_loop_stop(m_client, true);
        m_running = false;
    }
}

void MqttChannel::on_connect(mosquitto* client, void* self, int result) {
    auto* channel = static_cast<MqttChannel*>(self);
    if (result != 0) {
        if (channel->m_log) {
            channel->m_log(fmt::format("the MQTT broker refused the connection: {}",
                                       mosquitto_connack_string(result)));
        }
        return;
    }
    // QoS 1: the broker redelivers until we have it. Subscribing on every connect also covers
    // reconnects, and each subscription brings the retained alert again (a replay the state
    // machine recognises and ignores).
    mosquitto_subscribe(client, nullptr, channel->m_topic.c_str(), 1);
    if (channel->m_requests) {
        mosquitto_subscribe(client, nullptr, channel->m_requests->topic.c_str(), 0);
    }
    {
        const std::scoped_lock lock(channel->m_mutex);
        channel->m_connected = true;
        for (const auto& [topic, payload] : channel->m_retained) {
            mosquitto_publish(client, nullptr, topic.c_str(), int(payload.size()), payload.data(),
                              1, true);
        }
    }
    if (channel->m_log) {
        channel->m_log(
            fmt::format("connected to the MQTT broker, subscribed to \"{}\"", channel->m_topic));
    }
}

void MqttChannel::on_disconnect(mosquitto*, void* self, int result) {
    auto* channel = static_cast<MqttChannel*>(self);
    {
        const std::scoped_lock lock(channel->m_mutex);
        channel->m_connected = false;
    }
    if (result != 0 && channel->m_log) {
        channel->m_log("lost the MQTT broker; reconnecting");
    }
}

void MqttChannel::on_message(mosquitto*, void* self, const mosquitto_message* message) {
    auto* channel = static_cast<MqttChannel*>(self);
    if (message->payloadlen <= 0) {
        return;  // An empty retained message clears the topic; nothing to show.
    }
    if (channel->m_requests && channel->m_requests->topic == message->topic) {
        // Small or not at all: a request is a nonce, never a picture or an alert.
        if (message->payloadlen <= 256) {
            channel->m_requests->on_request(std::string(static_cast<const char*>(message->payload),
                                                        std::size_t(message->payloadlen)));
        }
        return;
    }
    const std::string_view payload(static_cast<const char*>(message->payload),
                                   std::size_t(message->payloadlen));
    if (channel->m_admit && !channel->m_admit(payload)) {
        return;
    }
    channel->m_mailbox.post(Delivery{"mqtt", std::string(payload)});
}

}  // namespace keiji::alert
