#include "studio/migrations.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace keiji::studio {

namespace {

// Each step, in order. Never edit one that has shipped: add the next.
constexpr std::array<std::string_view, 3> steps = {
    // 1: users, sessions, content and its workflow, uploads, published versions, the audit log.
    R"sql(
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('editor', 'approver', 'admin', 'bousai')),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    address TEXT NOT NULL
);
CREATE TABLE playlists (
    id TEXT PRIMARY KEY,
    title_json TEXT NOT NULL,
    extra_json TEXT NOT NULL DEFAULT '{}',
    position INTEGER NOT NULL
);
CREATE TABLE items (
    id TEXT PRIMARY KEY,
    playlist_id TEXT NOT NULL REFERENCES playlists(id),
    position INTEGER NOT NULL,
    draft_json TEXT NOT NULL,
    live_json TEXT,
    state TEXT NOT NULL
        CHECK (state IN ('draft', 'submitted', 'approved', 'rejected', 'published')),
    enabled INTEGER NOT NULL DEFAULT 1,
    reason TEXT NOT NULL DEFAULT '',
    updated_by TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE uploads (
    sha256 TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    media_type TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    original_name TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE TABLE versions (
    id INTEGER PRIMARY KEY,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL,
    content_json TEXT NOT NULL,
    feed_sha256 TEXT NOT NULL,
    summary_en TEXT NOT NULL,
    summary_ja TEXT NOT NULL
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    address TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO settings (key, value) VALUES ('approval_required', '1');
)sql",
    // 2: screen groups (the tags screens carry) and which groups each playlist plays on.
    R"sql(
CREATE TABLE screen_groups (
    tag TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    languages_json TEXT NOT NULL DEFAULT '["ja"]',
    position INTEGER NOT NULL
);
ALTER TABLE playlists ADD COLUMN screens_json TEXT NOT NULL DEFAULT '["*"]';
)sql",
    // 3: the alert desk: the office's shelter list, and every alert message it signed (kept: the
    // next message of an incident takes the next sequence, and the record is evidence).
    R"sql(
CREATE TABLE shelters (
    id TEXT PRIMARY KEY,
    name_json TEXT NOT NULL,
    address_json TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE alert_messages (
    id INTEGER PRIMARY KEY,
    identifier TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    msg_type TEXT NOT NULL,
    status TEXT NOT NULL,
    template TEXT NOT NULL,
    form_json TEXT NOT NULL,
    envelope TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    delivery_json TEXT NOT NULL,
    UNIQUE (identifier, sequence)
);
CREATE TRIGGER alert_messages_are_kept BEFORE DELETE ON alert_messages
    BEGIN SELECT RAISE(ABORT, 'signed alert messages are kept'); END;
)sql",
};

}  // namespace

model::Result<int> migrate(Database& database) {
    KEIJI_TRY(
        database.execute("CREATE TABLE IF NOT EXISTS meta "
                         "(key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
    const auto rows =
        KEIJI_TRY(database.query("SELECT value FROM meta WHERE key = 'schema_version'"));
    int version = rows.empty() ? 0 : std::stoi(rows.front().text(0));
    if (version > int(steps.size())) {
        return model::failure(
            fmt::format("the studio database has schema version {}, newer than this keiji knows "
                        "({}); use the keiji that wrote it",
                        version, steps.size()));
    }
    while (version < int(steps.size())) {
        const int next = version + 1;
        KEIJI_TRY(database.transaction([&]() -> model::Result<void> {
            KEIJI_TRY(database.execute_script(steps[std::size_t(version)]));
            KEIJI_TRY(
                database.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?1) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 {std::to_string(next)}));
            return {};
        }));
        version = next;
    }
    return version;
}

}  // namespace keiji::studio
