#pragma once

#include <expected>
#include <map>
#include <string>
#include <string_view>

#include "model/error.hpp"

namespace keiji::alert {

// What travels on every channel: {"key_id": "...", "payload": "<alert JSON>", "signature":
// "<base64>"} (content-schema/alert-envelope.schema.json). The payload is carried as a JSON
// string so the signed bytes are exactly the string's UTF-8 after unescaping: no
// canonicalisation, nothing to get subtly wrong between signer and screen.
struct Envelope {
    std::string key_id;
    std::string payload;
    std::string signature;  // Raw 64 bytes.
};

// Parses an envelope. The error says what is wrong, for the log.
[[nodiscard]] model::Result<Envelope> parse_envelope(std::string_view text);
// The JSON text of an envelope, on one line.
[[nodiscard]] std::string to_json(const Envelope& envelope);

// The public keys a screen trusts, by key_id. A file (--alert-keys) looks like
// {"keys": [{"key_id": "minato-bousai-2026", "public_key": "<base64 of 32 bytes>"}]}.
class KeyRing {
public:
    KeyRing() = default;
    [[nodiscard]] static model::Result<KeyRing> parse(std::string_view text);

    void add(std::string key_id, std::string public_key) {
        m_keys.insert_or_assign(std::move(key_id), std::move(public_key));
    }
    // The raw public key, or nullptr when the key_id is not trusted.
    [[nodiscard]] const std::string* find(std::string_view key_id) const;
    [[nodiscard]] bool empty() const { return m_keys.empty(); }
    [[nodiscard]] std::size_t size() const { return m_keys.size(); }

private:
    std::map<std::string, std::string, std::less<>> m_keys;
};

}  // namespace keiji::alert
