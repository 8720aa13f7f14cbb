#pragma once

#include <date/tz.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "alert/key_files.hpp"
#include "model/error.hpp"
#include "studio/accounts.hpp"
#include "studio/alert_desk.hpp"
#include "studio/audit_log.hpp"
#include "studio/content_store.hpp"
#include "studio/database.hpp"
#include "studio/login_limiter.hpp"
#include "studio/preview_service.hpp"
#include "studio/publishing.hpp"
#include "studio/screen_groups.hpp"
#include "studio/sessions.hpp"
#include "studio/uploads.hpp"
#include "studio/workflow.hpp"

namespace keiji::studio {

struct StudioSettings {
    std::string host = "127.0.0.1";
    int port = 8080;  // 0: any free port (tests).
    std::filesystem::path data = "/var/lib/keiji-studio";
    std::filesystem::path publish;      // Empty: data/publish.
    std::filesystem::path content_key;  // Empty: data/keys/content.secret.json, made if missing.
    std::filesystem::path import_from;  // Playlists to start an empty studio with.
    bool behind_proxy = false;  // TLS at nginx on this machine: Secure cookies, X-Forwarded-For.
    std::filesystem::path web_root;  // Empty: the pages built into the binary.
    // The alert desk: its key (empty: data/keys/bousai.secret.json, made if missing) and the
    // broker its alerts are published to besides publish/alerts/ (none: the folder only).
    std::filesystem::path desk_key;
    std::optional<alert::MqttAddress> alert_broker;
    std::string alert_topic = "keiji/alert";
};

// Everything the studio keeps and does, below its HTTP server: the database and what lives in
// it, the uploads, the publish folder and its key, the preview worker, the login limiter.
class Studio {
public:
    // Opens (or makes) the data folder: the database at the newest schema, the content key, a
    // first admin when there is nobody (its password goes to `say`, once), and the bundled
    // playlists when there is no content yet.
    [[nodiscard]] static model::Result<std::unique_ptr<Studio>> open(
        StudioSettings settings, const std::function<void(const std::string&)>& say);

    [[nodiscard]] const StudioSettings& settings() const { return m_settings; }
    [[nodiscard]] Accounts& accounts() { return m_accounts; }
    [[nodiscard]] Sessions& sessions() { return m_sessions; }
    [[nodiscard]] ContentStore& content() { return m_content; }
    [[nodiscard]] ScreenGroups& screen_groups() { return m_screen_groups; }
    // The key that signs published feeds: the screens install its public half.
    [[nodiscard]] const alert::SecretKey& content_key() const { return *m_key; }
    // The key the alert desk signs with: the screens install its public half (alerts.public_keys).
    [[nodiscard]] const alert::SecretKey& desk_key() const { return *m_desk_key; }
    [[nodiscard]] AlertDesk& desk() { return *m_desk; }
    [[nodiscard]] Uploads& uploads() { return m_uploads; }
    [[nodiscard]] Publishing& publishing() { return *m_publishing; }
    [[nodiscard]] AuditLog& audit() { return m_audit; }
    [[nodiscard]] PreviewService& previews() { return *m_previews; }
    [[nodiscard]] LoginLimiter& logins() { return m_logins; }
    [[nodiscard]] std::mutex& logins_mutex() { return m_logins_mutex; }
    [[nodiscard]] const date::time_zone& zone() const { return *m_zone; }
    [[nodiscard]] model::Result<WorkflowRules> rules();
    [[nodiscard]] model::Result<void> set_approval_required(bool required);

private:
    Studio(StudioSettings settings, std::unique_ptr<Database> database,
           const date::time_zone& zone);
    model::Result<void> prepare(const std::function<void(const std::string&)>& say);

    StudioSettings m_settings;
    std::unique_ptr<Database> m_database;
    const date::time_zone* m_zone;
    Accounts m_accounts;
    Sessions m_sessions;
    ContentStore m_content;
    ScreenGroups m_screen_groups;
    Uploads m_uploads;
    AuditLog m_audit;
    std::optional<alert::SecretKey> m_key;
    std::unique_ptr<Publishing> m_publishing;
    std::unique_ptr<PreviewService> m_previews;
    std::optional<alert::SecretKey> m_desk_key;
    std::unique_ptr<AlertDesk> m_desk;
    LoginLimiter m_logins{5, std::chrono::minutes(15)};
    std::mutex m_logins_mutex;
};

// "2026-11-29T12:34:56Z": how the studio writes moments into its records.
[[nodiscard]] std::string iso_time(model::TimePoint moment);

}  // namespace keiji::studio
