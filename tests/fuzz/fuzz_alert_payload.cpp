// libFuzzer target: the alert payload (alert::parse_alert) and what a screen does with one that
// is correctly signed: the state machine (AlertBook) and its persistence across a reboot. The
// payload is signed here with a key made at start-up, so the fuzzer reaches the code behind the
// signature check that only the disaster office's key could reach in the field.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "alert/alert_book.hpp"
#include "alert/alert_parser.hpp"
#include "alert/envelope.hpp"
#include "alert/signing.hpp"

namespace {

const keiji::alert::KeyPair& signing_keys() {
    static const keiji::alert::KeyPair keys = [] {
        auto made = keiji::alert::generate_key_pair();
        if (!made) {
            std::abort();
        }
        return *made;
    }();
    return keys;
}

keiji::alert::KeyRing ring() {
    keiji::alert::KeyRing keys;
    keys.add("fuzz", signing_keys().public_key);
    return keys;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string payload(reinterpret_cast<const char*>(data), size);

    const auto alert = keiji::alert::parse_alert(payload, "fuzz.alert.json");
    if (!alert) {
        for (const keiji::model::Error& error : alert.error()) {
            if (error.message.en.empty() || error.message.ja.empty()) {
                std::abort();
            }
        }
        if (alert.error().empty()) {
            std::abort();
        }
        return 0;
    }

    const auto signature = keiji::alert::sign_detached(payload, signing_keys().secret_key);
    if (!signature) {
        std::abort();
    }
    const std::string envelope =
        keiji::alert::to_json(keiji::alert::Envelope{"fuzz", payload, *signature});
    // 2026-09-01 10:00 JST: inside the validity of most seeds, so both outcomes are explored.
    const keiji::model::TimePoint now{std::chrono::seconds{1'788'224'400}};
    keiji::alert::AlertBook book(ring());
    const keiji::alert::Verdict verdict = book.receive(envelope, now);
    if (verdict.reason == keiji::alert::Reason::invalid_payload ||
        verdict.reason == keiji::alert::Reason::bad_signature) {
        std::abort();  // parse_alert accepted it and the key is right: the book must agree.
    }
    (void)book.next_expiry();

    // A reboot: the persisted state must bring back exactly the alerts that were on screen.
    const std::string state = book.serialize();
    const keiji::alert::AlertBook restored = keiji::alert::AlertBook::restore(state, ring(), now);
    if (restored.active().size() != book.active().size() || restored.serialize() != state) {
        std::abort();
    }
    book.expire(now + std::chrono::days{365 * 20});
    return 0;
}
