#pragma once

// Builders for signed alert envelopes, shared by the alert tests.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "alert/envelope.hpp"
#include "alert/signing.hpp"
#include "model/time.hpp"

namespace keiji::test {

// A time written in ISO 8601; usable at namespace scope, so no doctest assertion inside.
inline model::TimePoint at(const char* iso) {
    return model::parse_timestamp(iso).value();
}

struct Signer {
    std::string key_id;
    alert::KeyPair keys;

    static Signer make(std::string key_id) {
        auto keys = alert::generate_key_pair();
        REQUIRE(keys.has_value());
        return Signer{std::move(key_id), std::move(*keys)};
    }
    [[nodiscard]] alert::KeyRing ring() const {
        alert::KeyRing ring;
        ring.add(key_id, keys.public_key);
        return ring;
    }
    [[nodiscard]] std::string sign(const std::string& payload) const {
        auto signature = alert::sign_detached(payload, keys.secret_key);
        REQUIRE(signature.has_value());
        return alert::to_json(alert::Envelope{key_id, payload, *signature});
    }
};

// A level-4 evacuation order for Minato City; adjust with the lambda.
inline nlohmann::json alert_payload(const std::string& identifier, long long sequence,
                                    const std::string& message_type = "Alert", int level = 4,
                                    const std::string& expires = "2026-09-01T18:00:00+09:00") {
    nlohmann::json payload = {
        {"identifier", identifier},
        {"sender", "bousai@city.minato.tokyo.jp"},
        {"sent", "2026-09-01T09:55:00+09:00"},
        {"status", "Actual"},
        {"msgType", message_type},
        {"expires", expires},
        {"sequence", sequence},
        {"level", level},
        {"info",
         {{{"language", "ja"},
           {"event", "大雨"},
           {"headline", "港区に避難指示を発令しました"},
           {"instruction", "危険な場所から全員避難してください。"}},
          {{"language", "en"},
           {"headline", "Evacuation order for Minato City"},
           {"instruction", "Everyone in a dangerous place must evacuate."}}}},
        {"area", {{"areaDesc", "東京都港区"}}},
        {"shelters", {{{"name", {{"ja", "港区立芝小学校"}, {"en", "Shiba Elementary School"}}}}}}};
    return payload;
}

}  // namespace keiji::test
