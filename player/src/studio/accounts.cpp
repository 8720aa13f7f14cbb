#include "studio/accounts.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>

namespace keiji::studio {

std::string_view to_string(Role role) {
    switch (role) {
        case Role::editor:
            return "editor";
        case Role::approver:
            return "approver";
        case Role::admin:
            return "admin";
        case Role::bousai:
            return "bousai";
    }
    return "editor";
}

std::optional<Role> parse_role(std::string_view text) {
    for (const Role role : {Role::editor, Role::approver, Role::admin, Role::bousai}) {
        if (to_string(role) == text) {
            return role;
        }
    }
    return std::nullopt;
}

model::Result<std::string> hash_password(std::string_view password) {
    if (sodium_init() < 0) {
        return model::failure("libsodium cannot start (no entropy source?)");
    }
    std::array<char, crypto_pwhash_STRBYTES> hash{};
    if (crypto_pwhash_str(hash.data(), password.data(), password.size(),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return model::failure("not enough memory to hash the password");
    }
    return std::string(hash.data());
}

bool password_matches(const std::string& hash, std::string_view password) {
    return sodium_init() >= 0 &&
           crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string new_password() {
    constexpr std::string_view alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    std::string password;
    [[maybe_unused]] const int started = sodium_init();
    for (int i = 0; i < 20; ++i) {
        if (i > 0 && i % 5 == 0) {
            password += '-';
        }
        password += alphabet[randombytes_uniform(std::uint32_t(alphabet.size()))];
    }
    return password;
}

std::string random_token(std::size_t bytes) {
    [[maybe_unused]] const int started = sodium_init();
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string encoded(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                        '\0');
    sodium_bin2base64(encoded.data(), encoded.size(),
                      reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    encoded.resize(std::strlen(encoded.c_str()));
    return encoded;
}

bool is_valid_user_name(std::string_view name) {
    return !name.empty() && name.size() <= 64 && std::ranges::all_of(name, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '-' || c == '_';
    });
}

namespace {

User user_of(const SqlRow& row) {
    return User{.name = row.text(0),
                .display_name = row.text(1),
                .role = parse_role(row.text(2)).value_or(Role::editor),
                .disabled = row.integer(3) != 0};
}

}  // namespace

model::Result<User> Accounts::create(const User& user, std::string_view password,
                                     std::string_view now) {
    if (!is_valid_user_name(user.name)) {
        return model::failure(
            fmt::format("\"{}\" cannot be a login name: use letters, digits, '.', '-' or '_'",
                        user.name),
            fmt::format("「{}」はログイン名に使えません。英数字と . - _ で書いてください",
                        user.name));
    }
    if (password.size() < 12) {
        return model::failure("a password needs at least 12 characters",
                              "パスワードは 12 文字以上にしてください");
    }
    const std::string hash = KEIJI_TRY(hash_password(password));
    auto inserted = m_database.execute(
        "INSERT INTO users (name, display_name, role, password_hash, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5)",
        {user.name, user.display_name.empty() ? user.name : user.display_name,
         std::string(to_string(user.role)), hash, std::string(now)});
    if (!inserted) {
        if (inserted.error().cause.code == SQLITE_CONSTRAINT_UNIQUE) {
            return model::failure(fmt::format("the login name \"{}\" is taken", user.name),
                                  fmt::format("ログイン名「{}」は使われています", user.name));
        }
        return model::failure(std::move(inserted.error()));
    }
    return KEIJI_TRY(find(user.name)).value();
}

model::Result<std::optional<User>> Accounts::find(std::string_view name) {
    const auto rows = KEIJI_TRY(
        m_database.query("SELECT name, display_name, role, disabled FROM users WHERE name = ?1",
                         {std::string(name)}));
    if (rows.empty()) {
        return std::optional<User>();
    }
    return std::optional<User>(user_of(rows.front()));
}

model::Result<std::optional<User>> Accounts::verify(std::string_view name,
                                                    std::string_view password) {
    const auto rows = KEIJI_TRY(m_database.query(
        "SELECT name, display_name, role, disabled, password_hash FROM users WHERE name = ?1",
        {std::string(name)}));
    // Without such a user a hash is still checked, so a wrong name takes as long as a wrong
    // password and the timing does not say which names exist.
    static const std::string decoy = hash_password("no such user, no such password").value_or("");
    const std::string hash = rows.empty() ? decoy : rows.front().text(4);
    const bool matches = password_matches(hash, password);
    if (rows.empty() || !matches) {
        return std::optional<User>();
    }
    User user = user_of(rows.front());
    if (user.disabled) {
        return std::optional<User>();
    }
    return std::optional<User>(std::move(user));
}

model::Result<std::vector<User>> Accounts::list() {
    const auto rows = KEIJI_TRY(
        m_database.query("SELECT name, display_name, role, disabled FROM users ORDER BY name"));
    std::vector<User> users;
    for (const SqlRow& row : rows) {
        users.push_back(user_of(row));
    }
    return users;
}

model::Result<void> Accounts::set_disabled(std::string_view name, bool disabled) {
    const auto changed =
        KEIJI_TRY(m_database.execute("UPDATE users SET disabled = ?2 WHERE name = ?1",
                                     {std::string(name), std::int64_t(disabled ? 1 : 0)}));
    if (changed == 0) {
        return model::failure(fmt::format("there is no user \"{}\"", name),
                              fmt::format("ユーザー「{}」はいません", name));
    }
    if (disabled) {
        KEIJI_TRY(m_database.execute(
            "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE name = ?1)",
            {std::string(name)}));
    }
    return {};
}

model::Result<void> Accounts::set_password(std::string_view name, std::string_view password) {
    const std::string hash = KEIJI_TRY(hash_password(password));
    const auto changed = KEIJI_TRY(m_database.execute(
        "UPDATE users SET password_hash = ?2 WHERE name = ?1", {std::string(name), hash}));
    if (changed == 0) {
        return model::failure(fmt::format("there is no user \"{}\"", name),
                              fmt::format("ユーザー「{}」はいません", name));
    }
    // A new password ends every session of the old one.
    KEIJI_TRY(m_database.execute(
        "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE name = ?1)",
        {std::string(name)}));
    return {};
}

model::Result<bool> Accounts::empty() {
    const auto rows = KEIJI_TRY(m_database.query("SELECT COUNT(*) FROM users"));
    return rows.front().integer(0) == 0;
}

}  // namespace keiji::studio
