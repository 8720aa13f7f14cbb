#include "alert/screen_snapshot.hpp"

#include <fmt/format.h>
#include <mosquitto.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>

#include "alert/screen_report.hpp"
#include "alert/signing.hpp"

namespace keiji::alert {

namespace {

constexpr std::size_t largest_picture = 1024 * 1024;

struct Asking {
    std::string screen;
    std::string answer_topic;
    std::string request_topic;
    std::string nonce;
    int subscription = -1;
    bool refused = false;
    int connack = 0;
    std::optional<ScreenPicture> picture;
};

void on_connect(mosquitto* client, void* user, int result) {
    auto* asking = static_cast<Asking*>(user);
    if (result != 0) {
        asking->refused = true;
        asking->connack = result;
        return;
    }
    mosquitto_subscribe(client, &asking->subscription, asking->answer_topic.c_str(), 1);
}

// Asked only once the broker confirmed the subscription: the answer cannot come before it.
void on_subscribe(mosquitto* client, void* user, int mid, int, const int*) {
    auto* asking = static_cast<Asking*>(user);
    if (mid == asking->subscription) {
        const std::string request = snapshot_request(asking->nonce);
        mosquitto_publish(client, nullptr, asking->request_topic.c_str(), int(request.size()),
                          request.data(), 1, false);
    }
}

void on_message(mosquitto*, void* user, const mosquitto_message* message) {
    auto* asking = static_cast<Asking*>(user);
    if (message->payloadlen <= 0 || std::size_t(message->payloadlen) > 2 * largest_picture) {
        return;
    }
    const nlohmann::json answer =
        nlohmann::json::parse(std::string_view(static_cast<const char*>(message->payload),
                                               std::size_t(message->payloadlen)),
                              nullptr, false);
    if (!answer.is_object() || answer.value("screen", "") != asking->screen ||
        answer.value("nonce", "") != asking->nonce) {
        return;
    }
    auto jpeg = from_base64(answer.value("jpeg", ""));
    const auto taken_at = model::parse_timestamp(answer.value("taken_at", ""));
    if (!jpeg || jpeg->size() < 4 || jpeg->size() > largest_picture ||
        !jpeg->starts_with("\xFF\xD8\xFF") || !taken_at) {
        return;
    }
    asking->picture = ScreenPicture{.jpeg = std::move(*jpeg), .taken_at = *taken_at};
}

std::string new_nonce() {
    std::random_device random;
    return fmt::format("{:08x}{:08x}", random(), random());
}

}  // namespace

model::Result<ScreenPicture> request_snapshot(const MqttAddress& address,
                                              const std::string& screens_topic,
                                              const std::string& screen,
                                              std::chrono::milliseconds timeout) {
    const bool plain =
        !screen.empty() && screen.size() <= 64 && std::ranges::all_of(screen, [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '-' || c == '_' || c == '.';
        });
    if (!plain) {
        return model::failure(fmt::format("\"{}\" is not a screen id", screen),
                              fmt::format("「{}」は画面の ID ではありません", screen));
    }
    static std::once_flag once;
    std::call_once(once, [] { mosquitto_lib_init(); });
    Asking asking{.screen = screen,
                  .answer_topic = fmt::format("{}/{}/snapshot", screens_topic, screen),
                  .request_topic = fmt::format("{}/{}/snapshot/request", screens_topic, screen),
                  .nonce = new_nonce()};
    std::unique_ptr<mosquitto, decltype(&mosquitto_destroy)> client(
        mosquitto_new(nullptr, true, &asking), &mosquitto_destroy);
    if (!client) {
        return model::failure("cannot create an MQTT client");
    }
    mosquitto_connect_callback_set(client.get(), &on_connect);
    mosquitto_subscribe_callback_set(client.get(), &on_subscribe);
    mosquitto_message_callback_set(client.get(), &on_message);
    if (const int result = connect_mqtt(client.get(), address, false); result != MOSQ_ERR_SUCCESS) {
        return model::failure(fmt::format("cannot connect to the MQTT broker {}:{}: {}",
                                          address.host, address.port, mosquitto_strerror(result)));
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!asking.picture && !asking.refused && std::chrono::steady_clock::now() < deadline) {
        if (const int result = mosquitto_loop(client.get(), 100, 1);
            result != MOSQ_ERR_SUCCESS && !asking.refused) {
            return model::failure(
                fmt::format("the MQTT broker went away: {}", mosquitto_strerror(result)));
        }
    }
    mosquitto_disconnect(client.get());
    if (asking.refused) {
        return model::failure(fmt::format("the MQTT broker refused the connection: {}",
                                          mosquitto_connack_string(asking.connack)));
    }
    if (!asking.picture) {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout).count();
        return model::failure(
            fmt::format("screen {} did not answer within {} s: is it online?", screen, seconds),
            fmt::format("画面 {} から {} 秒以内に返事がありません。オンラインか確かめてください",
                        screen, seconds));
    }
    return std::move(*asking.picture);
}

}  // namespace keiji::alert
