#include "studio/studio.hpp"

#include <date/date.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include "schedule/local_time.hpp"
#include "studio/content_import.hpp"
#include "studio/migrations.hpp"

namespace keiji::studio {

namespace fs = std::filesystem;

std::string iso_time(model::TimePoint moment) {
    return date::format("%FT%TZ", std::chrono::floor<std::chrono::seconds>(moment));
}

Studio::Studio(StudioSettings settings, std::unique_ptr<Database> database,
               const date::time_zone& zone)
    : m_settings(std::move(settings)),
      m_database(std::move(database)),
      m_zone(&zone),
      m_accounts(*m_database),
      m_sessions(*m_database, {}),
      m_content(*m_database),
      m_screen_groups(*m_database),
      m_uploads(*m_database, m_settings.data / "uploads"),
      m_audit(*m_database) {}

model::Result<std::unique_ptr<Studio>> Studio::open(
    StudioSettings settings, const std::function<void(const std::string&)>& say) {
    std::error_code error;
    fs::create_directories(settings.data, error);
    if (error) {
        return model::failure(model::system_error("cannot create the studio's folder",
                                                  settings.data.string(), error.value()));
    }
    // The database, uploads and keys are the studio's alone (their files are 0600 and their
    // folders 0700); the folder itself can be passed through, so that nginx reaches publish/.
    ::chmod(settings.data.c_str(), 0711);
    if (settings.publish.empty()) {
        settings.publish = settings.data / "publish";
    }
    if (settings.content_key.empty()) {
        settings.content_key = settings.data / "keys" / "content.secret.json";
    }
    if (settings.desk_key.empty()) {
        settings.desk_key = settings.data / "keys" / "bousai.secret.json";
    }
    const date::time_zone* zone = KEIJI_TRY(schedule::find_time_zone());
    auto database = KEIJI_TRY(Database::open(settings.data / "studio.db"));
    KEIJI_TRY(migrate(*database));
    std::unique_ptr<Studio> studio(new Studio(std::move(settings), std::move(database), *zone));
    KEIJI_TRY(studio->prepare(say));
    return studio;
}

model::Result<void> Studio::prepare(const std::function<void(const std::string&)>& say) {
    const std::string now =
        iso_time(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    if (KEIJI_TRY(m_accounts.empty())) {
        const std::string password = new_password();
        KEIJI_TRY(m_accounts.create(
            User{.name = "admin", .display_name = "管理者", .role = Role::admin}, password, now));
        say(
            fmt::format("the first administrator: name \"admin\", password \"{}\" (shown only "
                        "this once: sign in and give each colleague an account of their own)",
                        password));
    }
    std::error_code error;
    if (!fs::exists(m_settings.content_key, error)) {
        const auto files = KEIJI_TRY(alert::write_new_key_pair(m_settings.content_key.parent_path(),
                                                               "keiji-studio-content"));
        fs::rename(files.secret, m_settings.content_key, error);
        say(
            fmt::format("made the key that signs published feeds; install {} on each screen "
                        "(feed.public_keys in keiji.json)",
                        files.public_keys.string()));
    }
    m_key = KEIJI_TRY(alert::read_secret_key_file(m_settings.content_key));
    m_publishing = std::make_unique<Publishing>(
        *m_database, m_content, m_screen_groups,
        FeedFolder{.folder = m_settings.publish, .uploads = m_uploads.root(), .key = &*m_key});
    if (!m_settings.import_from.empty() && KEIJI_TRY(m_content.playlists()).empty()) {
        const ImportReport report =
            KEIJI_TRY(import_playlists(m_settings.import_from, m_content, m_uploads, now));
        say(fmt::format("started with {} items of {} playlists from {}, ready to publish",
                        report.items, report.playlists, m_settings.import_from.string()));
        KEIJI_TRY(m_audit.append({.at = now,
                                  .user = "keiji",
                                  .address = "-",
                                  .action = "content.import",
                                  .target = m_settings.import_from.string(),
                                  .detail = fmt::format("{} items", report.items)}));
    }
    m_previews = std::make_unique<PreviewService>(m_uploads.root(), *m_zone);
    if (!fs::exists(m_settings.desk_key, error)) {
        const auto files = KEIJI_TRY(
            alert::write_new_key_pair(m_settings.desk_key.parent_path(), "keiji-studio-bousai"));
        fs::rename(files.secret, m_settings.desk_key, error);
        say(
            fmt::format("made the key the alert desk signs with; install {} on each screen "
                        "(alerts.public_keys in keiji.json)",
                        files.public_keys.string()));
    }
    m_desk_key = KEIJI_TRY(alert::read_secret_key_file(m_settings.desk_key));
    m_desk = std::make_unique<AlertDesk>(*m_database, *m_desk_key,
                                         DeskDelivery{.folder = m_settings.publish / "alerts",
                                                      .broker = m_settings.alert_broker,
                                                      .topic = m_settings.alert_topic},
                                         *m_zone);
    return {};
}

model::Result<WorkflowRules> Studio::rules() {
    const auto rows =
        KEIJI_TRY(m_database->query("SELECT value FROM settings WHERE key = 'approval_required'"));
    return WorkflowRules{.approval_required = rows.empty() || rows.front().text(0) != "0"};
}

model::Result<void> Studio::set_approval_required(bool required) {
    KEIJI_TRY(
        m_database->execute("INSERT INTO settings (key, value) VALUES ('approval_required', ?1) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            {std::string(required ? "1" : "0")}));
    return {};
}

}  // namespace keiji::studio
