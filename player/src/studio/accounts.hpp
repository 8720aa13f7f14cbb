#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "studio/database.hpp"

namespace keiji::studio {

enum class Role { editor, approver, admin, bousai };
[[nodiscard]] std::string_view to_string(Role role);
[[nodiscard]] std::optional<Role> parse_role(std::string_view text);

struct User {
    std::string name;  // The login name: letters, digits, '.', '-', '_'.
    std::string display_name;
    Role role = Role::editor;
    bool disabled = false;
};

// Argon2id through libsodium (crypto_pwhash_str): the hash carries its own salt and costs, so a
// later keiji can raise them without breaking old hashes.
[[nodiscard]] model::Result<std::string> hash_password(std::string_view password);
[[nodiscard]] bool password_matches(const std::string& hash, std::string_view password);

// 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I), in groups of five:
// "kx7q4-m2pab-…": what an admin can read out or copy for a new colleague.
[[nodiscard]] std::string new_password();
// `bytes` random bytes as base64url, for session and CSRF tokens.
[[nodiscard]] std::string random_token(std::size_t bytes = 32);

// The people who use the studio.
class Accounts {
public:
    explicit Accounts(Database& database) : m_database(database) {}

    [[nodiscard]] model::Result<User> create(const User& user, std::string_view password,
                                             std::string_view now);
    [[nodiscard]] model::Result<std::optional<User>> find(std::string_view name);
    // The user whose name and password these are, if enabled; nullopt otherwise (the caller
    // cannot tell a wrong name from a wrong password, and neither can an attacker).
    [[nodiscard]] model::Result<std::optional<User>> verify(std::string_view name,
                                                            std::string_view password);
    [[nodiscard]] model::Result<std::vector<User>> list();
    [[nodiscard]] model::Result<void> set_disabled(std::string_view name, bool disabled);
    [[nodiscard]] model::Result<void> set_password(std::string_view name,
                                                   std::string_view password);
    [[nodiscard]] model::Result<bool> empty();

private:
    Database& m_database;
};

// "kiyoshi.sato", 1 to 64 characters of letters, digits, '.', '-', '_'.
[[nodiscard]] bool is_valid_user_name(std::string_view name);

}  // namespace keiji::studio
