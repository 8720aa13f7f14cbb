#include "alert/envelope.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "alert/signing.hpp"

namespace keiji::alert {

namespace {

model::Result<std::string> string_member(const nlohmann::json& object, const char* name) {
    const auto found = object.find(name);
    if (found == object.end()) {
        return model::failure(fmt::format("the field \"{}\" is missing", name));
    }
    if (!found->is_string()) {
        return model::failure(fmt::format("\"{}\" is not a string", name));
    }
    return found->get<std::string>();
}

}  // namespace

namespace {

// True when `text` is at most one object deep outside its strings, as every envelope is. Checked
// before parsing: a flood of "[[[[…" 20,000 deep costs a parser 20,000 allocations each, this
// scan none.
bool flat_enough(std::string_view text) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > 1) {
                return false;
            }
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

}  // namespace

model::Result<Envelope> parse_envelope(std::string_view text) {
    if (!flat_enough(text)) {
        return model::failure("nested deeper than an envelope, which is one flat object");
    }
    // Garbage is refused before a parser reads it character by character.
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || text[first] != '{') {
        return model::failure("not a JSON object");
    }
    for (const std::string_view member : {"\"key_id\"", "\"payload\"", "\"signature\""}) {
        if (text.find(member) == std::string_view::npos) {
            return model::failure(fmt::format("the field {} is missing", member));
        }
    }
    const nlohmann::json root = nlohmann::json::parse(text, nullptr, false);
    if (root.is_discarded() || !root.is_object()) {
        return model::failure("not a JSON object");
    }
    for (const auto& [name, value] : root.items()) {
        if (name != "key_id" && name != "payload" && name != "signature") {
            return model::failure(fmt::format("unknown field \"{}\"", name));
        }
    }
    Envelope envelope;
    auto key_id = string_member(root, "key_id");
    auto payload = string_member(root, "payload");
    auto signature = string_member(root, "signature");
    for (const auto* member : {&key_id, &payload, &signature}) {
        if (!member->has_value()) {
            return model::failure(member->error());
        }
    }
    auto raw_signature = from_base64(*signature);
    if (!raw_signature) {
        return model::failure(std::move(raw_signature.error()).context("\"signature\""));
    }
    envelope.key_id = std::move(*key_id);
    envelope.payload = std::move(*payload);
    envelope.signature = std::move(*raw_signature);
    return envelope;
}

std::string to_json(const Envelope& envelope) {
    const nlohmann::json object = {{"key_id", envelope.key_id},
                                   {"payload", envelope.payload},
                                   {"signature", to_base64(envelope.signature)}};
    return object.dump();
}

model::Result<KeyRing> KeyRing::parse(std::string_view text) {
    const nlohmann::json root = nlohmann::json::parse(text, nullptr, false);
    if (root.is_discarded() || !root.is_object() || !root.contains("keys") ||
        !root["keys"].is_array()) {
        return model::failure(
            "not a key file: expected {\"keys\": [{\"key_id\": ..., \"public_key\": ...}]}");
    }
    KeyRing ring;
    for (const nlohmann::json& entry : root["keys"]) {
        if (!entry.is_object()) {
            return model::failure("every entry of \"keys\" must be an object");
        }
        auto key_id = string_member(entry, "key_id");
        auto public_key = string_member(entry, "public_key");
        if (!key_id || !public_key) {
            return model::failure(!key_id ? key_id.error() : public_key.error());
        }
        auto raw = from_base64(*public_key);
        if (!raw || raw->size() != 32) {
            return model::failure(fmt::format(
                "the public key of \"{}\" is not the base64 of a 32-byte Ed25519 key", *key_id));
        }
        ring.add(std::move(*key_id), std::move(*raw));
    }
    return ring;
}

const std::string* KeyRing::find(std::string_view key_id) const {
    const auto found = m_keys.find(key_id);
    return found == m_keys.end() ? nullptr : &found->second;
}

}  // namespace keiji::alert
