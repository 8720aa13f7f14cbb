#pragma once

#include <chrono>
#include <expected>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "alert/alert_book.hpp"
#include "alert/channel.hpp"
#include "alert/mailbox.hpp"
#include "alert/mqtt_channel.hpp"
#include "alert/screen_report.hpp"
#include "alert/state_store.hpp"
#include "model/clock.hpp"
#include "model/error.hpp"

namespace keiji::kiosk {

// Where alerts come from and where their state lives.
struct AlertSettings {
    std::filesystem::path state_directory;
    std::filesystem::path keys_file;
    // The key file's JSON itself, when the keys come from keiji.json instead of keys_file.
    std::optional<std::string> keys_text;
    std::string mqtt_url;  // mqtt://host:port or mqtts://host:port; empty: no MQTT.
    std::string mqtt_topic;
    // Who this screen is to the broker: its user name (default: the screen id), a file with
    // its password, the CA of a TLS broker. Each screen reports under
    // `screens_topic`/<screen id>/status and .../receipt.
    std::string mqtt_username;
    std::string mqtt_password_file;
    std::string mqtt_ca_file;
    std::string screens_topic = "keiji/screens";
    std::string screen_id;
    std::vector<std::string> screen_tags;
    std::string alert_url;  // HTTP(S) URL of the envelope; empty: no polling.
    std::chrono::milliseconds poll_interval{2000};
};

// The alert side of the main loop: the state machine, its persistence, and the channels feeding
// it through one mailbox. Lives on the main thread; only the channels run elsewhere.
class AlertRuntime {
public:
    // Reads the keys and restores the saved state at `now` (logging every verdict). Fails when
    // the key file exists but is broken: a screen that silently ignores alerts is worse.
    // `clock` says when "now" is, stamps deliveries and times the HTTP polls.
    [[nodiscard]] static model::Result<std::unique_ptr<AlertRuntime>> create(AlertSettings settings,
                                                                             model::Clock& clock);

    // Starts the drop-in folder, MQTT and HTTP channels; `wake` is called from their threads
    // after each delivery. Fails when an MQTT URL is malformed.
    [[nodiscard]] model::Result<void> start_channels(std::function<void()> wake);
    void stop_channels();

    // Runs every waiting envelope through the state machine, drops expired alerts, persists on
    // change. True when what should be on screen changed.
    bool process(model::TimePoint now);

    [[nodiscard]] std::vector<alert::Alert> active() const;
    // When each alert in force (its current sequence) was first on screen: the status carries
    // them, so the office sees every alert's reach, not only the latest receipt's.
    [[nodiscard]] std::vector<alert::Receipt> receipts() const;

    // Publishes the screen's status (retained) through the broker, when there is one.
    void report_status(std::string status_json);
    // An alert frame of `identifier` is on screen: the first time for its current sequence, a
    // receipt (identifier, sequence, shown at) goes to the broker.
    void confirm_shown(const std::string& identifier, model::TimePoint shown_at);
    // The nonce of a request for a look at the screen that came through the broker, at most
    // one every two seconds; the main loop answers it with send_snapshot.
    [[nodiscard]] std::optional<std::string> take_snapshot_request(
        std::chrono::steady_clock::time_point now);
    // Publishes the picture (JPEG, at most 480 pixels wide) that answers `nonce`.
    void send_snapshot(const std::string& nonce, std::string_view jpeg, model::TimePoint taken_at);
    [[nodiscard]] std::optional<model::TimePoint> next_expiry() const {
        return m_book.next_expiry();
    }
    [[nodiscard]] alert::Mailbox& mailbox() { return m_mailbox; }
    [[nodiscard]] const AlertSettings& settings() const { return m_settings; }
    [[nodiscard]] std::filesystem::path dropin_directory() const {
        return m_settings.state_directory / "incoming";
    }

    ~AlertRuntime();
    AlertRuntime(const AlertRuntime&) = delete;
    AlertRuntime& operator=(const AlertRuntime&) = delete;

private:
    AlertRuntime(AlertSettings settings, alert::AlertBook book, model::Clock& clock)
        : m_settings(std::move(settings)),
          m_clock(clock),
          m_store(m_settings.state_directory / "alerts.json"),
          m_book(std::move(book)),
          m_mailbox(clock) {}
    void persist();
    [[nodiscard]] std::string screen_topic(std::string_view what) const;

    AlertSettings m_settings;
    model::Clock& m_clock;
    alert::FileStateStore m_store;
    alert::AlertBook m_book;
    alert::Mailbox m_mailbox;
    std::vector<std::unique_ptr<alert::Channel>> m_channels;
    alert::MqttChannel* m_mqtt = nullptr;  // One of m_channels, when MQTT is configured.
    // (identifier, sequence) → when it was first on screen.
    std::map<std::pair<std::string, long long>, model::TimePoint> m_confirmed;
    std::mutex m_snapshot_mutex;  // Guards the two below: set on the MQTT network thread.
    std::optional<std::string> m_snapshot_nonce;
    std::optional<std::chrono::steady_clock::time_point> m_last_snapshot;
};

}  // namespace keiji::kiosk
