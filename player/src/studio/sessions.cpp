#include "studio/sessions.hpp"

#include "sync/sha256.hpp"

namespace keiji::studio {

model::Result<Sessions::Started> Sessions::start(std::string_view user_name,
                                                 std::string_view address, std::int64_t now) {
    Started started{.token = random_token(), .csrf_token = random_token()};
    KEIJI_TRY(m_database.execute(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen, address) "
        "SELECT ?1, id, ?2, ?3, ?3, ?4 FROM users WHERE name = ?5",
        {sync::sha256_hex(started.token), started.csrf_token, now, std::string(address),
         std::string(user_name)}));
    // Old sessions go whenever a new one starts: the table never grows.
    KEIJI_TRY(m_database.execute("DELETE FROM sessions WHERE last_seen < ?1 OR created_at < ?2",
                                 {now - m_limits.idle, now - m_limits.longest}));
    return started;
}

model::Result<std::optional<Session>> Sessions::find(std::string_view token, std::int64_t now) {
    if (token.empty() || token.size() > 128) {
        return std::optional<Session>();
    }
    const std::string hash = sync::sha256_hex(token);
    const auto rows = KEIJI_TRY(
        m_database.query("SELECT u.name, u.display_name, u.role, u.disabled, s.csrf_token "
                         "FROM sessions s JOIN users u ON u.id = s.user_id "
                         "WHERE s.token_hash = ?1 AND s.last_seen >= ?2 AND s.created_at >= ?3",
                         {hash, now - m_limits.idle, now - m_limits.longest}));
    if (rows.empty() || rows.front().integer(3) != 0) {
        return std::optional<Session>();
    }
    const SqlRow& row = rows.front();
    KEIJI_TRY(m_database.execute("UPDATE sessions SET last_seen = ?2 WHERE token_hash = ?1",
                                 {hash, now}));
    return std::optional<Session>(
        Session{.user = User{.name = row.text(0),
                             .display_name = row.text(1),
                             .role = parse_role(row.text(2)).value_or(Role::editor)},
                .csrf_token = row.text(4)});
}

model::Result<void> Sessions::end(std::string_view token) {
    KEIJI_TRY(m_database.execute("DELETE FROM sessions WHERE token_hash = ?1",
                                 {sync::sha256_hex(token)}));
    return {};
}

}  // namespace keiji::studio
