#include "kiosk/alert_runtime.hpp"

#include <fmt/format.h>

#include "alert/dropin_channel.hpp"
#include "alert/http_poll_channel.hpp"
#include "alert/mqtt_channel.hpp"
#include "alert/screen_report.hpp"
#include "kiosk/log.hpp"
#include "storage/file_io.hpp"

namespace keiji::kiosk {

namespace {

void log_verdict(const alert::Verdict& verdict, std::string_view channel) {
    log(verdict.accepted() ? Priority::notice : Priority::warning, "alert",
        fmt::format("{} (via {})", verdict.describe(), channel));
}

}  // namespace

model::Result<std::unique_ptr<AlertRuntime>> AlertRuntime::create(AlertSettings settings,
                                                                  model::Clock& clock) {
    const std::string key_text = settings.keys_text
                                     ? *settings.keys_text
                                     : KEIJI_TRY(storage::read_file(settings.keys_file));
    auto keys = alert::KeyRing::parse(key_text);
    if (!keys) {
        return model::failure(std::move(keys.error()).context(settings.keys_file.string()));
    }
    const model::TimePoint now = std::chrono::floor<std::chrono::seconds>(clock.now().wall);
    log(Priority::info, "alert",
        fmt::format("{} trusted key(s) from {}; state in {}", keys->size(),
                    settings.keys_file.string(), settings.state_directory.string()));
    alert::FileStateStore store(settings.state_directory / "alerts.json");
    auto saved = store.load();
    std::vector<alert::Verdict> verdicts;
    alert::AlertBook book(*keys);
    if (!saved) {
        log(Priority::error, "alert", saved.error().text());
    } else if (saved->has_value()) {
        book = alert::AlertBook::restore(**saved, *keys, now, &verdicts);
    }
    for (const alert::Verdict& verdict : verdicts) {
        log_verdict(verdict, "saved state");
    }
    return std::unique_ptr<AlertRuntime>(
        new AlertRuntime(std::move(settings), std::move(book), clock));
}

AlertRuntime::~AlertRuntime() {
    stop_channels();
}

model::Result<void> AlertRuntime::start_channels(std::function<void()> wake) {
    m_mailbox.set_wake(wake);
    const auto channel_log = [](std::string message) { log(Priority::warning, "alert", message); };
    m_channels.push_back(
        std::make_unique<alert::DropInChannel>(dropin_directory(), m_mailbox, channel_log));
    if (!m_settings.mqtt_url.empty()) {
        auto address = alert::parse_mqtt_url(m_settings.mqtt_url);
        if (!address) {
            return model::failure(address.error());
        }
        address->ca_file = m_settings.mqtt_ca_file;
        if (auto account = alert::set_mqtt_account(
                *address,
                m_settings.mqtt_username.empty() ? m_settings.screen_id : m_settings.mqtt_username,
                m_settings.mqtt_password_file);
            !account) {
            return model::failure(account.error());
        }
        std::optional<alert::Presence> presence;
        if (!m_settings.screen_id.empty()) {
            presence =
                alert::Presence{.topic = screen_topic("presence"),
                                .online = alert::presence_message(m_settings.screen_id, true),
                                .offline = alert::presence_message(m_settings.screen_id, false)};
        }
        std::optional<alert::Requests> requests;
        if (!m_settings.screen_id.empty()) {
            // On the network thread: note the newest request and wake the main loop, which
            // alone may read the frame.
            requests = alert::Requests{
                .topic = screen_topic("snapshot/request"),
                .on_request = [this, wake](const std::string& payload) {
                    const auto nonce = alert::snapshot_request_nonce(payload);
                    if (!nonce) {
                        log(Priority::warning, "snapshot", "a request that is not {\"nonce\"}");
                        return;
                    }
                    {
                        const std::scoped_lock lock(m_snapshot_mutex);
                        m_snapshot_nonce = *nonce;
                    }
                    if (wake) {
                        wake();
                    }
                }};
        }
        // On the network thread: a forgery, a stranger's key, a broken or oversized message is
        // dropped there, so a flood of them costs the main loop nothing and cannot delay a real
        // alert behind it. Logged under a channel of its own, whose rate limit leaves the
        // alert log's lines to the alerts.
        auto admit = [keys = m_book.keys()](std::string_view text) {
            auto authentic = alert::authenticate(text, keys);
            if (!authentic) {
                log(Priority::warning, "alert-refused",
                    fmt::format("{} (via mqtt)", authentic.error().describe()));
            }
            return authentic.has_value();
        };
        auto channel = alert::MqttChannel::start(
            *address, m_settings.mqtt_topic, m_mailbox,
            [](std::string message) { log(Priority::info, "alert", message); }, std::move(presence),
            std::move(requests), std::move(admit));
        if (!channel) {
            return model::failure(channel.error());
        }
        m_mqtt = channel->get();
        m_channels.push_back(std::move(*channel));
    }
    if (!m_settings.alert_url.empty()) {
        m_channels.push_back(std::make_unique<alert::HttpPollChannel>(
            m_settings.alert_url, m_settings.poll_interval, m_mailbox, m_clock, channel_log));
    }
    return {};
}

void AlertRuntime::stop_channels() {
    for (auto& channel : m_channels) {
        channel->stop();
    }
    m_mqtt = nullptr;
    m_channels.clear();
}

std::string AlertRuntime::screen_topic(std::string_view what) const {
    return fmt::format("{}/{}/{}", m_settings.screens_topic, m_settings.screen_id, what);
}

void AlertRuntime::report_status(std::string status_json) {
    if (m_mqtt != nullptr && !m_settings.screen_id.empty()) {
        m_mqtt->publish(screen_topic("status"), std::move(status_json), true);
    }
}

std::optional<std::string> AlertRuntime::take_snapshot_request(
    std::chrono::steady_clock::time_point now) {
    const std::scoped_lock lock(m_snapshot_mutex);
    // A flood of requests costs one picture every two seconds; the newest nonce is answered.
    if (!m_snapshot_nonce ||
        (m_last_snapshot && now - *m_last_snapshot < std::chrono::seconds(2))) {
        return std::nullopt;
    }
    m_last_snapshot = now;
    return std::exchange(m_snapshot_nonce, std::nullopt);
}

void AlertRuntime::send_snapshot(const std::string& nonce, std::string_view jpeg,
                                 model::TimePoint taken_at) {
    if (m_mqtt != nullptr && !m_settings.screen_id.empty()) {
        m_mqtt->publish(screen_topic("snapshot"),
                        alert::snapshot_message(m_settings.screen_id, nonce, jpeg, taken_at),
                        false);
    }
}

void AlertRuntime::confirm_shown(const std::string& identifier, model::TimePoint shown_at) {
    for (const alert::ActiveAlert* active : m_book.active()) {
        if (active->alert.identifier != identifier ||
            !m_confirmed.try_emplace({identifier, active->alert.sequence}, shown_at).second) {
            continue;
        }
        log(Priority::info, "alert",
            fmt::format("receipt: {} sequence {} shown", identifier, active->alert.sequence));
        if (m_mqtt != nullptr && !m_settings.screen_id.empty()) {
            // Retained: the desk that starts after the alert still learns this screen showed it.
            m_mqtt->publish(screen_topic("receipt"),
                            alert::alert_receipt(m_settings.screen_id, active->alert, shown_at),
                            true);
        }
    }
}

bool AlertRuntime::process(model::TimePoint now) {
    bool changed = false;
    if (const std::size_t dropped = m_mailbox.take_dropped(); dropped > 0) {
        log(Priority::warning, "alert-refused",
            fmt::format("{} alert messages dropped unread: more than {} were waiting", dropped,
                        alert::Mailbox::capacity));
    }
    for (const alert::Delivery& delivery : m_mailbox.take_all()) {
        const alert::Verdict verdict = m_book.receive(delivery.envelope, now);
        log_verdict(verdict, delivery.channel);
        changed = changed || verdict.accepted();
    }
    for (const std::string& identifier : m_book.expire(now)) {
        log(Priority::notice, "alert", fmt::format("alert {} expired", identifier));
        changed = true;
    }
    if (changed) {
        persist();
    }
    return changed;
}

void AlertRuntime::persist() {
    if (auto saved = m_store.save(m_book.serialize()); !saved) {
        log(Priority::error, "alert",
            fmt::format("cannot save the alert state (it will not survive a restart): {}",
                        saved.error().text()));
    }
}

std::vector<alert::Receipt> AlertRuntime::receipts() const {
    std::vector<alert::Receipt> receipts;
    for (const alert::ActiveAlert* active : m_book.active()) {
        const auto found = m_confirmed.find({active->alert.identifier, active->alert.sequence});
        if (found != m_confirmed.end()) {
            receipts.push_back({.identifier = active->alert.identifier,
                                .sequence = active->alert.sequence,
                                .shown_at = found->second});
        }
    }
    return receipts;
}

std::vector<alert::Alert> AlertRuntime::active() const {
    std::vector<alert::Alert> alerts;
    for (const alert::ActiveAlert* active : m_book.active()) {
        alerts.push_back(active->alert);
    }
    return alerts;
}

}  // namespace keiji::kiosk
