#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "app/alert_stage.hpp"
#include "app/instant.hpp"
#include "app/proof_of_play.hpp"
#include "model/item.hpp"

namespace date {
class time_zone;
}

namespace keiji::app {

// Talks to systemd when the player runs as a Type=notify service (NOTIFY_SOCKET is set);
// does nothing otherwise.
class SystemdNotifier {
public:
    SystemdNotifier();
    void ready();
    void watchdog();
    void status(const std::string& text);
    // Half the service's WatchdogSec: the longest the main loop may sleep. nullopt: no watchdog.
    [[nodiscard]] std::optional<std::chrono::milliseconds> max_sleep() const { return m_max_sleep; }

private:
    bool m_active = false;
    bool m_ready_sent = false;
    std::optional<std::chrono::milliseconds> m_max_sleep;
    std::string m_last_status;
};

// What the kiosk keeps besides the frames: proof of play (every item or alert actually on
// screen, with how long), the watchdog and status for systemd, and a health file for people
// and monitoring (state directory/status.json, at most once a minute).
class KioskServices {
public:
    struct Settings {
        std::string screen_id;
        std::string language = "ja";
        std::string state_directory;
        const date::time_zone* zone = nullptr;
        // For status.json: Unix seconds of the last good feed sync (nullopt: none yet, or no
        // feed), and the identifiers of the alerts in force. Either may be empty.
        std::function<std::optional<std::int64_t>()> last_sync;
        std::function<std::vector<std::string>()> active_alerts;
    };
    // `items` gives the partner municipality of each promo id for the log.
    KioskServices(Settings settings, const std::vector<model::Item>& items);

    // The configuration or the content was read again (SIGHUP): records from now on carry these.
    void reconfigure(std::string screen_id, std::string language,
                     const std::vector<model::Item>& items);

    // Call after every update of the stage.
    void after_update(const StageResult& shown, const Instant& now);
    // Closes the record of what is on screen (at shutdown) and writes everything out.
    void finish(const Instant& now);

    [[nodiscard]] std::optional<std::chrono::milliseconds> max_sleep() const {
        return m_systemd.max_sleep();
    }

private:
    void learn_municipalities(const std::vector<model::Item>& items);
    void close_current(const Instant& now);
    void write_health(const Instant& now);

    Settings m_settings;
    std::map<std::string, std::string> m_municipality_of;
    SystemdNotifier m_systemd;
    std::optional<ProofOfPlayLog> m_log;

    std::string m_on_screen;  // Item id, or alert id when m_on_screen_is_alert.
    bool m_on_screen_is_alert = false;
    std::string m_on_screen_language;
    Instant m_on_screen_since{};
    std::chrono::steady_clock::time_point m_started{};
    bool m_started_set = false;
    long long m_frames = 0;
    std::optional<std::chrono::steady_clock::time_point> m_last_health;
};

}  // namespace keiji::app
