#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "studio/database.hpp"

namespace keiji::studio {

// One thing someone did: who, from where, what, to what, and the details.
struct AuditEntry {
    std::int64_t id = 0;
    std::string at;  // ISO 8601, UTC.
    std::string user;
    std::string address;
    std::string action;  // "login", "login_refused", "item.save", "publish", …
    std::string target;
    std::string detail;
};

// The studio's audit log: rows are only ever added (triggers in the schema refuse an UPDATE or a
// DELETE, whoever asks), read back newest first, and exported as CSV for the IT office.
class AuditLog {
public:
    explicit AuditLog(Database& database) : m_database(database) {}

    [[nodiscard]] model::Result<void> append(const AuditEntry& entry);
    // Up to `limit` entries older than `before` (all when nullopt), newest first.
    [[nodiscard]] model::Result<std::vector<AuditEntry>> page(std::optional<std::int64_t> before,
                                                              int limit = 100);
    // Every entry, oldest first, as CSV (UTF-8 with a BOM so that Excel reads Japanese). A cell
    // that a spreadsheet would take for a formula (=, +, -, @) is quoted with a leading '.
    [[nodiscard]] model::Result<std::string> csv();

private:
    Database& m_database;
};

}  // namespace keiji::studio
