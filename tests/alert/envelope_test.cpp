// Envelopes, key files and Ed25519 over the exact payload bytes.
#include "alert/envelope.hpp"

#include <doctest/doctest.h>

#include "alert/alert_book.hpp"
#include "alert/mailbox.hpp"
#include "alert/signing.hpp"
#include "alert_fixtures.hpp"
#include "model/clock.hpp"

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
        {R"({"key_id": "k", "payload": {}, "signature": "AAAA"})", "nested deeper"},
        {R"({"key_id": "k", "payload": 12, "signature": "AAAA"})", "\"payload\" is not a string"},
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

TEST_CASE("envelope: what a flood sends is refused before any parser reads it") {
    const test::Signer signer = test::Signer::make("minato-bousai-2026");
    const std::string deep = std::string(20000, '[') + std::string(20000, ']');
    CHECK(alert::parse_envelope(deep).error().text().find("nested deeper") != std::string::npos);
    CHECK(alert::parse_envelope(R"({"key_id": {"a": 1}, "payload": "", "signature": ""})")
              .error()
              .text()
              .find("nested deeper") != std::string::npos);
    CHECK(alert::parse_envelope("garbage {}").error().text() == "not a JSON object");
    CHECK(alert::parse_envelope(R"({"payload": "{}"})")
              .error()
              .text()
              .find("\"key_id\" is missing") != std::string::npos);
    // Brackets inside the payload string are the payload's own business.
    CHECK(alert::parse_envelope(signer.sign(R"({"info": [{"a": [1, 2]}]})")).has_value());

    const alert::KeyRing ring = signer.ring();
    const std::string good = signer.sign("{}");
    CHECK(alert::authenticate(good, ring).has_value());
    CHECK(alert::authenticate(std::string(alert::largest_envelope + 1, ' '), ring).error().reason ==
          alert::Reason::malformed_envelope);
    CHECK(alert::authenticate(test::Signer::make("stranger").sign("{}"), ring).error().reason ==
          alert::Reason::unknown_key);
    std::string tampered = good;
    tampered.replace(tampered.find("{}"), 2, "[]");
    CHECK(alert::authenticate(tampered, ring).error().reason == alert::Reason::bad_signature);
}

TEST_CASE("mailbox: a flood keeps the newest deliveries and counts what it dropped") {
    const model::VirtualClock clock(test::at("2026-09-01T00:00:00Z"));
    alert::Mailbox mailbox(clock);
    for (std::size_t n = 0; n < alert::Mailbox::capacity + 10; ++n) {
        mailbox.post({.channel = "mqtt", .envelope = std::to_string(n)});
    }
    const auto taken = mailbox.take_all();
    REQUIRE(taken.size() == alert::Mailbox::capacity);
    CHECK(taken.front().envelope == "10");
    CHECK(taken.back().envelope == std::to_string(alert::Mailbox::capacity + 9));
    CHECK(mailbox.take_dropped() == 10);
    CHECK(mailbox.take_dropped() == 0);
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
