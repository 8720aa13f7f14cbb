#include "alert/mqtt_channel.hpp"

#include <fmt/format.h>
#include <mosquitto.h>

#include <charconv>
#include <mutex>

namespace keiji::alert {

namespace {

void initialise_library() {
    static std::once_flag once;
    std::call_once(once, [] { mosquitto_lib_init(); });
}

}  // namespace

model::Result<MqttAddress> parse_mqtt_url(std::string_view url) {
    constexpr std::string_view scheme = "mqtt://";
    if (!url.starts_with(scheme)) {
        return model::failure(
            fmt::format("\"{}\" is not an MQTT address; write it like mqtt://broker:1883", url));
    }
    std::string_view rest = url.substr(scheme.size());
    if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
        rest = rest.substr(0, slash);
    }
    MqttAddress address;
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

model::Result<std::unique_ptr<MqttChannel>> MqttChannel::start(
    const MqttAddress& address, std::string topic, Mailbox& mailbox,
    std::function<void(std::string)> log) {
    initialise_library();
    std::unique_ptr<MqttChannel> channel(
        new MqttChannel(std::move(topic), mailbox, std::move(log)));
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
    // connect_async + loop_start: an unreachable broker is retried on the network thread and
    // never delays the first frame.
    const int connected =
        mosquitto_connect_async(channel->m_client, address.host.c_str(), address.port, 30);
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

void MqttChannel::stop() {
    if (m_running) {
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
    if (channel->m_log) {
        channel->m_log(
            fmt::format("connected to the MQTT broker, subscribed to \"{}\"", channel->m_topic));
    }
}

void MqttChannel::on_disconnect(mosquitto*, void* self, int result) {
    auto* channel = static_cast<MqttChannel*>(self);
    if (result != 0 && channel->m_log) {
        channel->m_log("lost the MQTT broker; reconnecting");
    }
}

void MqttChannel::on_message(mosquitto*, void* self, const mosquitto_message* message) {
    auto* channel = static_cast<MqttChannel*>(self);
    if (message->payloadlen <= 0) {
        return;  // An empty retained message clears the topic; nothing to show.
    }
    channel->m_mailbox.post(Delivery{"mqtt", std::string(static_cast<const char*>(message->payload),
                                                         std::size_t(message->payloadlen))});
}

}  // namespace keiji::alert
