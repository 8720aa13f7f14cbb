#pragma once

#include <filesystem>
#include <string>

#include "model/error.hpp"

namespace keiji::alert {

struct SecretKey {
    std::string key_id;
    std::string secret_key;  // 64 raw bytes.
};

// Reads a secret key file written by `keiji alert keygen` ({"key_id", "secret_key"}): the key
// that signs alerts (the disaster office's) or feeds (the content office's).
[[nodiscard]] model::Result<SecretKey> read_secret_key_file(const std::filesystem::path& path);

// The two files of a new key pair: the secret (mode 0600, keep it offline) and the public key
// file screens install. Returns the paths written.
struct KeyFiles {
    std::filesystem::path secret;
    std::filesystem::path public_keys;
};
[[nodiscard]] model::Result<KeyFiles> write_new_key_pair(const std::filesystem::path& folder,
                                                         const std::string& key_id);

}  // namespace keiji::alert
