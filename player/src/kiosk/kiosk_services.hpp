#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "alert/screen_report.hpp"
#include "kiosk/proof_of_play.hpp"
#include "kiosk/systemd_notifier.hpp"
#include "model/clock.hpp"
#include "model/item.hpp"

namespace date {
class time_zone;
}

namespace keiji::kiosk {

// What one turn of the main loop put on screen, as the kiosk records it.
struct OnScreen {
    bool presented = false;      // A new frame went to the screen (content or alert).
    bool slide_settled = false;  // A new slide is now fully on screen.
    std::string item_id;         // The item on screen ("" for the idle screen).
    std::string language;        // The language the item is shown in ("": the screen's first).
    std::string alert_id;        // The alert on screen, "" when none.
    std::string alert_language;
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
        // When each alert in force was first shown here. May be empty.
        std::function<std::vector<alert::Receipt>()> receipts;
        // The screen's tags, for its status report.
        std::vector<std::string> tags;
        // Given the status (JSON) each time it is written, at most once a minute: for the
        // broker. May be empty.
        std::function<void(std::string)> report_status;
        // Told each time an alert frame goes to the screen (alert id, when). May be empty.
        std::function<void(const std::string&, model::TimePoint)> alert_shown;
    };
    // `items` gives the partner municipality of each promo id for the log.
    KioskServices(Settings settings, const std::vector<model::Item>& items);

    // The configuration or the content was read again (SIGHUP): records from now on carry these.
    void reconfigure(std::string screen_id, std::string language,
                     const std::vector<model::Item>& items);

    // Call after every turn of the main loop.
    void after_update(const OnScreen& shown, const model::Instant& now);
    // Closes the record of what is on screen (at shutdown) and writes everything out.
    void finish(const model::Instant& now);

    [[nodiscard]] std::optional<std::chrono::milliseconds> max_sleep() const {
        return m_systemd.max_sleep();
    }

private:
    void learn_municipalities(const std::vector<model::Item>& items);
    void close_current(const model::Instant& now);
    void write_health(const model::Instant& now);

    Settings m_settings;
    std::map<std::string, std::string> m_municipality_of;
    SystemdNotifier m_systemd;
    std::optional<ProofOfPlayLog> m_log;

    std::string m_on_screen;  // Item id, or alert id when m_on_screen_is_alert.
    bool m_on_screen_is_alert = false;
    std::string m_on_screen_language;
    model::Instant m_on_screen_since{};
    std::chrono::steady_clock::time_point m_started{};
    bool m_started_set = false;
    long long m_frames = 0;
    bool m_started_frames_seen = false;  // after_update ran before (m_on_screen_is_alert is real).
    std::optional<std::chrono::steady_clock::time_point> m_last_health;
};

}  // namespace keiji::kiosk
