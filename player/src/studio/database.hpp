#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "model/error.hpp"

namespace keiji::studio {

// A value bound to a statement's parameter or read from a row.
using SqlValue = std::variant<std::nullptr_t, std::int64_t, std::string>;

// One row of a result, by column position.
struct SqlRow {
    std::vector<SqlValue> columns;
    [[nodiscard]] std::string text(std::size_t column) const;
    [[nodiscard]] std::int64_t integer(std::size_t column) const;
    [[nodiscard]] bool is_null(std::size_t column) const;
};

// The studio's SQLite file: one connection, used by one thread at a time (every call takes the
// lock; a transaction holds it throughout). Opened in WAL mode so readers do not wait on a
// publish, with foreign keys on and a busy timeout. Errors keep SQLite's code as their cause.
class Database {
public:
    [[nodiscard]] static model::Result<std::unique_ptr<Database>> open(
        const std::filesystem::path& file);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs one statement with its parameters (?1, ?2, …) and returns its rows.
    [[nodiscard]] model::Result<std::vector<SqlRow>> query(
        std::string_view sql, const std::vector<SqlValue>& values = {});
    // The same, for statements that return no rows; returns the rows changed.
    [[nodiscard]] model::Result<std::int64_t> execute(std::string_view sql,
                                                      const std::vector<SqlValue>& values = {});
    // Several statements separated by semicolons, without parameters (migrations).
    [[nodiscard]] model::Result<void> execute_script(std::string_view sql);
    [[nodiscard]] std::int64_t last_insert_id() const;

    // Runs `work` in one transaction: committed when it succeeds, rolled back when it fails.
    template <class Work>
    auto transaction(Work&& work) -> decltype(work()) {
        const std::scoped_lock lock(m_mutex);
        if (auto begun = run_locked("BEGIN IMMEDIATE", {}); !begun) {
            return std::unexpected(std::move(begun.error()));
        }
        auto result = work();
        if (!result) {
            [[maybe_unused]] const auto rolled_back = run_locked("ROLLBACK", {});
            return result;
        }
        if (auto committed = run_locked("COMMIT", {}); !committed) {
            return std::unexpected(std::move(committed.error()));
        }
        return result;
    }

private:
    explicit Database(sqlite3* connection) : m_connection(connection) {}
    model::Result<std::vector<SqlRow>> run_locked(std::string_view sql,
                                                  const std::vector<SqlValue>& values);
    [[nodiscard]] model::Error error(std::string_view what) const;

    sqlite3* m_connection;
    std::recursive_mutex m_mutex;  // Recursive: a transaction's work runs queries.
};

}  // namespace keiji::studio
