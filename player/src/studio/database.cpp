#include "studio/database.hpp"

#include <fmt/format.h>

namespace keiji::studio {

std::string SqlRow::text(std::size_t column) const {
    const SqlValue& value = columns.at(column);
    if (const auto* text = std::get_if<std::string>(&value)) {
        return *text;
    }
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
        return std::to_string(*number);
    }
    return {};
}

std::int64_t SqlRow::integer(std::size_t column) const {
    const SqlValue& value = columns.at(column);
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
        return *number;
    }
    return 0;
}

bool SqlRow::is_null(std::size_t column) const {
    return std::holds_alternative<std::nullptr_t>(columns.at(column));
}

model::Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& file) {
    sqlite3* connection = nullptr;
    const int opened = sqlite3_open_v2(
        file.c_str(), &connection,
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    std::unique_ptr<Database> database(new Database(connection));
    if (opened != SQLITE_OK) {
        return model::failure(database->error(fmt::format("cannot open {}", file.string())));
    }
    sqlite3_busy_timeout(connection, 5000);
    // WAL: a long publish does not block readers; NORMAL sync is durable at each checkpoint and
    // never corrupt (the WAL is replayed after a crash).
    KEIJI_TRY(database->execute_script(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"));
    return database;
}

Database::~Database() {
    sqlite3_close_v2(m_connection);
}

model::Error Database::error(std::string_view what) const {
    const int code = sqlite3_extended_errcode(m_connection);
    return model::Error{.message = {std::string(what)},
                        .cause = {.kind = model::Cause::Kind::sqlite,
                                  .code = code,
                                  .detail = sqlite3_errmsg(m_connection)}};
}

model::Result<std::vector<SqlRow>> Database::run_locked(std::string_view sql,
                                                        const std::vector<SqlValue>& values) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(m_connection, sql.data(), int(sql.size()), &statement, nullptr) !=
        SQLITE_OK) {
        return model::failure(error("cannot prepare a query"));
    }
    const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> owned(statement,
                                                                           &sqlite3_finalize);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const int index = int(i + 1);
        int bound = SQLITE_OK;
        if (const auto* number = std::get_if<std::int64_t>(&values[i])) {
            bound = sqlite3_bind_int64(statement, index, *number);
        } else if (const auto* text = std::get_if<std::string>(&values[i])) {
            bound = sqlite3_bind_text(statement, index, text->data(), int(text->size()),
                                      SQLITE_TRANSIENT);
        } else {
            bound = sqlite3_bind_null(statement, index);
        }
        if (bound != SQLITE_OK) {
            return model::failure(error("cannot bind a value"));
        }
    }
    std::vector<SqlRow> rows;
    while (true) {
        const int stepped = sqlite3_step(statement);
        if (stepped == SQLITE_DONE) {
            return rows;
        }
        if (stepped != SQLITE_ROW) {
            return model::failure(error("a query failed"));
        }
        SqlRow row;
        const int count = sqlite3_column_count(statement);
        for (int column = 0; column < count; ++column) {
            switch (sqlite3_column_type(statement, column)) {
                case SQLITE_INTEGER:
                    row.columns.emplace_back(std::int64_t(sqlite3_column_int64(statement, column)));
                    break;
                case SQLITE_NULL:
                    row.columns.emplace_back(nullptr);
                    break;
                default: {
                    const auto* text =
                        reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
                    row.columns.emplace_back(
                        std::string(text, std::size_t(sqlite3_column_bytes(statement, column))));
                }
            }
        }
        rows.push_back(std::move(row));
    }
}

model::Result<std::vector<SqlRow>> Database::query(std::string_view sql,
                                                   const std::vector<SqlValue>& values) {
    const std::scoped_lock lock(m_mutex);
    return run_locked(sql, values);
}

model::Result<std::int64_t> Database::execute(std::string_view sql,
                                              const std::vector<SqlValue>& values) {
    const std::scoped_lock lock(m_mutex);
    KEIJI_TRY(run_locked(sql, values));
    return std::int64_t(sqlite3_changes64(m_connection));
}

model::Result<void> Database::execute_script(std::string_view sql) {
    const std::scoped_lock lock(m_mutex);
    const std::string text(sql);
    char* message = nullptr;
    if (sqlite3_exec(m_connection, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        model::Error problem = error("a script failed");
        sqlite3_free(message);
        return model::failure(std::move(problem));
    }
    return {};
}

std::int64_t Database::last_insert_id() const {
    return sqlite3_last_insert_rowid(m_connection);
}

}  // namespace keiji::studio
