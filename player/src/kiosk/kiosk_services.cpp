#include "kiosk/kiosk_services.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "kiosk/log.hpp"
#include "storage/file_io.hpp"

namespace keiji::kiosk {

namespace fs = std::filesystem;

void KioskServices::learn_municipalities(const std::vector<model::Item>& items) {
    for (const model::Item& item : items) {
        if (const auto* promo = std::get_if<model::PromoContent>(&item.content)) {
            m_municipality_of[item.id] =
                fmt::format("{} {}", promo->prefecture.pick("ja"), promo->municipality.pick("ja"));
        }
    }
}

void KioskServices::reconfigure(std::string screen_id, std::string language,
                                const std::vector<model::Item>& items) {
    m_settings.screen_id = std::move(screen_id);
    m_settings.language = std::move(language);
    // Added to, not replaced: the slide on screen may be one the new content no longer has.
    learn_municipalities(items);
}

KioskServices::KioskServices(Settings settings, const std::vector<model::Item>& items)
    : m_settings(std::move(settings)) {
    learn_municipalities(items);
    if (!m_settings.state_directory.empty()) {
        auto log_file =
            ProofOfPlayLog::open(fs::path(m_settings.state_directory) / "proof-of-play");
        if (log_file) {
            m_log.emplace(std::move(*log_file));
        } else {
            log(Priority::warning, "proof-of-play", log_file.error().text());
        }
    }
}

void KioskServices::close_current(const model::Instant& now) {
    if (m_on_screen.empty() || !m_log || m_settings.zone == nullptr) {
        return;
    }
    const auto started = std::chrono::floor<std::chrono::seconds>(m_on_screen_since.wall);
    PlayRecord record{
        .started = started,
        .screen = m_settings.screen_id,
        .item = m_on_screen,
        .municipality = m_on_screen_is_alert ? "" : m_municipality_of[m_on_screen],
        .seconds =
            std::chrono::duration<double>(now.monotonic - m_on_screen_since.monotonic).count(),
        .language = m_on_screen_language.empty() ? m_settings.language : m_on_screen_language,
        .mode = m_on_screen_is_alert ? "alert" : "normal"};
    const auto local_day = date::floor<date::days>(m_settings.zone->to_local(started));
    if (auto appended = m_log->append(record, date::format("%F", local_day)); !appended) {
        log(Priority::warning, "proof-of-play", appended.error().text());
    }
}

void KioskServices::after_update(const OnScreen& shown, const model::Instant& now) {
    if (!m_started_set) {
        m_started = now.monotonic;
        m_started_set = true;
    }
    if (shown.presented) {
        ++m_frames;
        m_systemd.ready();  // The first frame is on screen: the service is up.
    }
    const bool alert = !shown.alert_id.empty();
    if (alert && shown.presented && m_settings.alert_shown) {
        m_settings.alert_shown(shown.alert_id, std::chrono::floor<std::chrono::seconds>(now.wall));
    }
    const std::string on_screen = alert ? shown.alert_id : shown.item_id;
    // While an alert is up the player is not asked, so its empty item id means nothing.
    const bool changed = alert ? (!m_on_screen_is_alert || on_screen != m_on_screen)
                               : (shown.slide_settled || m_on_screen_is_alert);
    // The office wants to see a screen go into alert, change to another alert and come out of
    // it at once, not within the minute: those changes are reported as they happen.
    const bool alert_changed = m_started_frames_seen && (alert != m_on_screen_is_alert ||
                                                         (alert && on_screen != m_on_screen));
    m_started_frames_seen = true;
    if (changed) {
        close_current(now);
        m_on_screen = on_screen;
        m_on_screen_is_alert = alert;
        m_on_screen_language = alert ? shown.alert_language : shown.language;
        m_on_screen_since = now;
        m_systemd.status(alert ? "ALERT " + on_screen
                               : (on_screen.empty() ? "idle" : "playing " + on_screen));
    }
    m_systemd.watchdog();
    if (alert_changed || !m_last_health ||
        now.monotonic - *m_last_health >= std::chrono::minutes(1)) {
        write_health(now);
        m_last_health = now.monotonic;
    }
}

void KioskServices::finish(const model::Instant& now) {
    close_current(now);
    m_on_screen.clear();
    if (m_log) {
        if (auto flushed = m_log->flush(); !flushed) {
            log(Priority::warning, "proof-of-play", flushed.error().text());
        }
    }
    write_health(now);
}

void KioskServices::write_health(const model::Instant& now) {
    if (m_settings.state_directory.empty() && !m_settings.report_status) {
        return;
    }
    nlohmann::json last_sync = nullptr;
    if (const auto synced = m_settings.last_sync ? m_settings.last_sync() : std::nullopt) {
        last_sync = date::format("%FT%TZ", model::TimePoint(std::chrono::seconds(*synced)));
    }
    nlohmann::json receipts = nlohmann::json::array();
    for (const alert::Receipt& receipt :
         m_settings.receipts ? m_settings.receipts() : std::vector<alert::Receipt>{}) {
        receipts.push_back(
            {{"identifier", receipt.identifier},
             {"sequence", receipt.sequence},
             {"shown_at",
              date::format("%FT%TZ", std::chrono::floor<std::chrono::seconds>(receipt.shown_at))}});
    }
    const nlohmann::json health = {
        {"version", KEIJI_VERSION},
        {"screen", m_settings.screen_id},
        {"uptime_seconds",
         std::chrono::duration_cast<std::chrono::seconds>(now.monotonic - m_started).count()},
        {"time", date::format("%FT%TZ", std::chrono::floor<std::chrono::seconds>(now.wall))},
        {"on_screen", m_on_screen},
        {"mode", m_on_screen_is_alert ? "alert" : "normal"},
        {"frames_presented", m_frames},
        {"last_sync", last_sync},
        {"active_alerts",
         m_settings.active_alerts ? m_settings.active_alerts() : std::vector<std::string>{}},
        {"receipts", receipts},
        {"tags", m_settings.tags},
    };
    if (m_settings.report_status) {
        m_settings.report_status(health.dump());
    }
    if (m_settings.state_directory.empty()) {
        return;
    }
    // Replaced atomically, so a reader never sees half a file; not flushed every minute (an SD
    // card would wear), a power cut loses at most the last minute's status.
    const fs::path path = fs::path(m_settings.state_directory) / "status.json";
    if (auto written =
            storage::write_file_atomically(path, health.dump(2) + "\n", {.durable = false});
        !written) {
        log(Priority::warning, "status", written.error().text());
    }
}

}  // namespace keiji::kiosk
