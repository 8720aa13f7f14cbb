#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/error.hpp"
#include "studio/accounts.hpp"
#include "studio/database.hpp"

namespace keiji::studio {

struct Session {
    User user;
    std::string csrf_token;
};

// A signed-in browser. The cookie holds a random token; the database keeps only its SHA-256, so
// a copy of the database opens no session. A session ends after `idle` seconds without a request
// or `longest` seconds in all, at logout, and when its user is disabled or given a new password.
class Sessions {
public:
    struct Limits {
        std::int64_t idle = 8 * 3600;      // A working day with a long lunch.
        std::int64_t longest = 12 * 3600;  // Sign in again every morning.
    };
    Sessions(Database& database, Limits limits) : m_database(database), m_limits(limits) {}

    struct Started {
        std::string token;  // For the cookie, never stored.
        std::string csrf_token;
    };
    // `now` is Unix seconds: the studio reads the clock at its edge and passes it in.
    [[nodiscard]] model::Result<Started> start(std::string_view user_name, std::string_view address,
                                               std::int64_t now);
    // The session of `token`, refreshed, or nullopt (unknown, expired, or its user disabled).
    [[nodiscard]] model::Result<std::optional<Session>> find(std::string_view token,
                                                             std::int64_t now);
    [[nodiscard]] model::Result<void> end(std::string_view token);

private:
    Database& m_database;
    Limits m_limits;
};

}  // namespace keiji::studio
