#pragma once

#include <sodium.h>

#include <string>
#include <string_view>

namespace keiji::sync {

// SHA-256 over bytes that arrive in pieces (a download), through libsodium.
class Sha256 {
public:
    Sha256();
    void add(std::string_view bytes);
    // 64 lowercase hex digits. The hasher is spent afterwards.
    [[nodiscard]] std::string hex_digest();

private:
    crypto_hash_sha256_state m_state;
};

[[nodiscard]] std::string sha256_hex(std::string_view bytes);

}  // namespace keiji::sync
