#include "studio/audit_log.hpp"

namespace keiji::studio {

namespace {

std::string csv_cell(std::string text) {
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                          text[0] == '\t' || text[0] == '\r')) {
        text.insert(0, 1, '\'');
    }
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + "\"";
}

AuditEntry entry_of(const SqlRow& row) {
    return AuditEntry{.id = row.integer(0),
                      .at = row.text(1),
                      .user = row.text(2),
                      .address = row.text(3),
                      .action = row.text(4),
                      .target = row.text(5),
                      .detail = row.text(6)};
}

}  // namespace

model::Result<void> AuditLog::append(const AuditEntry& entry) {
    KEIJI_TRY(m_database.execute(
        "INSERT INTO audit (at, user, address, action, target, detail) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        {entry.at, entry.user, entry.address, entry.action, entry.target, entry.detail}));
    return {};
}

model::Result<std::vector<AuditEntry>> AuditLog::page(std::optional<std::int64_t> before,
                                                      int limit) {
    const auto rows = KEIJI_TRY(
        m_database.query("SELECT id, at, user, address, action, target, detail FROM audit "
                         "WHERE id < ?1 ORDER BY id DESC LIMIT ?2",
                         {before.value_or(INT64_MAX), std::int64_t(limit)}));
    std::vector<AuditEntry> entries;
    for (const SqlRow& row : rows) {
        entries.push_back(entry_of(row));
    }
    return entries;
}

model::Result<std::string> AuditLog::csv() {
    const auto rows = KEIJI_TRY(m_database.query(
        "SELECT id, at, user, address, action, target, detail FROM audit ORDER BY id"));
    std::string text = "\xEF\xBB\xBFid,time,user,address,action,target,detail\r\n";
    for (const SqlRow& row : rows) {
        const AuditEntry entry = entry_of(row);
        text += std::to_string(entry.id) + "," + csv_cell(entry.at) + "," + csv_cell(entry.user) +
                "," + csv_cell(entry.address) + "," + csv_cell(entry.action) + "," +
                csv_cell(entry.target) + "," + csv_cell(entry.detail) + "\r\n";
    }
    return text;
}

}  // namespace keiji::studio
