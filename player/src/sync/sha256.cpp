#include "sync/sha256.hpp"

#include <array>

namespace keiji::sync {

Sha256::Sha256() {
    crypto_hash_sha256_init(&m_state);
}

void Sha256::add(std::string_view bytes) {
    crypto_hash_sha256_update(&m_state, reinterpret_cast<const unsigned char*>(bytes.data()),
                              bytes.size());
}

std::string Sha256::hex_digest() {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&m_state, digest.data());
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(digest.size() * 2);
    for (const unsigned char byte : digest) {
        hex.push_back(digits[byte >> 4]);
        hex.push_back(digits[byte & 0x0f]);
    }
    return hex;
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 hasher;
    hasher.add(bytes);
    return hasher.hex_digest();
}

}  // namespace keiji::sync
