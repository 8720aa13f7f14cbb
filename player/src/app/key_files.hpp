#pragma once

#include <expected>
#include <string>

namespace keiji::app {

struct SecretKey {
    std::string key_id;
    std::string secret_key;  // 64 raw bytes.
};

// Reads a secret key file written by `keiji alert keygen` ({"key_id", "secret_key"}).
[[nodiscard]] std::expected<SecretKey, std::string> read_secret_key_file(const std::string& path);

}  // namespace keiji::app
