// Envelopes, key files and Ed25519 over the exact payload bytes.
#include "alert/envelope.hpp"

#include <doctest/doctest.h>

#include "alert/signing.hpp"
#include "alert_fixtures.hpp"

using namespace keiji;

TEST_CASE("signing: a signature covers exactly the payload bytes") {
    const auto keys = alert::generate_key_pair();
    REQUIRE(keys.has_value());
    const std::string payload = R"({"identifier":"a","headline":"避難指示"})";
    const auto signature = alert::sign_detached(payload, keys->secret_key);
    REQUIRE(signature.has_value());
    CHECK(alert::verify_detached(payload, *signature, keys->public_key));
    // One more space is another payload.
    CHECK_FALSE(alert::verify_detached(payload + " ", *signature, keys->public_key));
    CHECK_FALSE(alert::verify_detached(payload, signature->substr(1), keys->public_key));
    CHECK_FALSE(alert::sign_detached(payload, "short").has_value());
}

TEST_CASE("signing: base64 round trip and strictness") {
    const std::string bytes("\x00\xff\x10 keiji", 9);
    const auto decoded = alert::from_base64(alert::to_base64(bytes));
    REQUIRE(decoded.has_value());
    CHECK(*decoded == bytes);
    CHECK_FALSE(alert::from_base64("not base64!").has_value());
    CHECK_FALSE(alert::from_base64("AAAA AAAA").has_value());
    // Found by the envelope fuzzer: libsodium alone reads this as three bytes.
    CHECK_FALSE(alert::from_base64("key\xA4").has_value());
}

TEST_CASE("envelope: parse and write") {
    const test::Signer signer = test::Signer::make("minato-bousai-2026");
    const std::string text = signer.sign("{}");
    const auto envelope = alert::parse_envelope(text);
    REQUIRE(envelope.has_value());
    CHECK(envelope->key_id == "minato-bousai-2026");
    CHECK(envelope->payload == "{}");
    CHECK(envelope->signature.size() == 64);
    CHECK(alert::to_json(*envelope) == text);

    struct Case {
        const char* text;
        const char* expected;
    };
    const Case broken[] = {
        {"[]", "not a JSON object"},
        {R"({"key_id": "k", "payload": "{}"})", "\"signature\" is missing"},
        {R"({"key_id": "k", "payload": {}, "signature": "AAAA"})", "\"payload\" is not a string"},
        {R"({"key_id": "k", "payload": "{}", "signature": "%%%"})", "base64"},
        {R"({"key_id": "k", "payload": "{}", "signature": "AAAA", "x": 1})", "unknown field"},
    };
    for (const Case& entry : broken) {
        CAPTURE(entry.text);
        const auto parsed = alert::parse_envelope(entry.text);
        REQUIRE_FALSE(parsed.has_value());
        CHECK(parsed.error().text().find(entry.expected) != std::string::npos);
    }
}

TEST_CASE("key ring: a key file") {
    const test::Signer signer = test::Signer::make("k1");
    const nlohmann::json file = {
        {"keys", {{{"key_id", "k1"}, {"public_key", alert::to_base64(signer.keys.public_key)}}}}};
    const auto ring = alert::KeyRing::parse(file.dump());
    REQUIRE(ring.has_value());
    REQUIRE(ring->find("k1") != nullptr);
    CHECK(*ring->find("k1") == signer.keys.public_key);
    CHECK(ring->find("k2") == nullptr);
    CHECK_FALSE(alert::KeyRing::parse(R"({"keys": [{"key_id": "k", "public_key": "AAAA"}]})"));
    CHECK_FALSE(alert::KeyRing::parse(R"({"k": "v"})"));
}
