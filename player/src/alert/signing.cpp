#include "alert/signing.hpp"

#include <sodium.h>

#include <algorithm>

namespace keiji::alert {

namespace {

bool sodium_ready() {
    // sodium_init() is idempotent and thread-safe; 1 means "already initialised".
    static const bool ready = sodium_init() >= 0;
    return ready;
}

const unsigned char* bytes(std::string_view text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

}  // namespace

model::Result<KeyPair> generate_key_pair() {
    if (!sodium_ready()) {
        return model::failure("libsodium could not initialise (no random source?)");
    }
    KeyPair pair;
    pair.public_key.resize(crypto_sign_PUBLICKEYBYTES);
    pair.secret_key.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char*>(pair.public_key.data()),
                        reinterpret_cast<unsigned char*>(pair.secret_key.data()));
    return pair;
}

model::Result<std::string> sign_detached(std::string_view message, std::string_view secret_key) {
    if (!sodium_ready()) {
        return model::failure("libsodium could not initialise (no random source?)");
    }
    if (secret_key.size() != crypto_sign_SECRETKEYBYTES) {
        return model::failure("the secret key is not an Ed25519 secret key (64 bytes)");
    }
    std::string signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                         bytes(message), message.size(), bytes(secret_key));
    return signature;
}

bool verify_detached(std::string_view message, std::string_view signature,
                     std::string_view public_key) {
    if (!sodium_ready() || signature.size() != crypto_sign_BYTES ||
        public_key.size() != crypto_sign_PUBLICKEYBYTES) {
        return false;
    }
    return crypto_sign_verify_detached(bytes(signature), bytes(message), message.size(),
                                       bytes(public_key)) == 0;
}

std::string to_base64(std::string_view data) {
    std::string text(sodium_base64_ENCODED_LEN(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes(data), data.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    text.resize(std::char_traits<char>::length(text.c_str()));
    return text;
}

model::Result<std::string> from_base64(std::string_view text) {
    // libsodium 1.0.18 takes some bytes above 0x7F for base64 digits ("key\xA4" decodes to three
    // bytes), so a key or signature with stray bytes would be read as another value instead of
    // being refused. Only the standard alphabet and padding are let through to it.
    const bool alphabet_only = std::ranges::all_of(text, [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '+' || c == '/' || c == '=';
    });
    if (!alphabet_only) {
        return model::failure("not valid base64");
    }
    std::string data(text.size() / 4 * 3 + 3, '\0');
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(data.data()), data.size(), text.data(),
                          text.size(), nullptr, &length, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size()) {
        return model::failure("not valid base64");
    }
    data.resize(length);
    return data;
}

}  // namespace keiji::alert
