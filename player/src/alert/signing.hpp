#pragma once

#include <expected>
#include <string>
#include <string_view>

#include "model/error.hpp"

namespace keiji::alert {

// Ed25519 through libsodium. Keys and signatures are raw bytes in std::string; they travel as
// standard base64 in JSON.
struct KeyPair {
    std::string public_key;  // 32 bytes.
    std::string secret_key;  // 64 bytes (libsodium's seed + public key form).
};

// Fails only when libsodium cannot initialise (no entropy source).
[[nodiscard]] model::Result<KeyPair> generate_key_pair();
// The detached signature (64 bytes) of exactly `message`. `secret_key` must be 64 bytes.
[[nodiscard]] model::Result<std::string> sign_detached(std::string_view message,
                                                       std::string_view secret_key);
// True when `signature` is a valid signature of exactly `message` by `public_key`.
[[nodiscard]] bool verify_detached(std::string_view message, std::string_view signature,
                                   std::string_view public_key);

[[nodiscard]] std::string to_base64(std::string_view bytes);
// Standard base64 with padding; fails on anything else (including whitespace).
[[nodiscard]] model::Result<std::string> from_base64(std::string_view text);

}  // namespace keiji::alert
