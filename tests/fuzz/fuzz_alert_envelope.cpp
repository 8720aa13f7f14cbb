// libFuzzer target: what arrives on an alert channel (MQTT, HTTP poll, drop-in file) before any
// signature is checked: the envelope, the key file format and base64. Anyone on the network can
// send these bytes, so every input must end in a value or an error, and what parses must
// survive a round trip unchanged (the screen re-verifies persisted envelopes after a reboot).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "alert/alert_book.hpp"
#include "alert/envelope.hpp"
#include "alert/signing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    if (const auto envelope = keiji::alert::parse_envelope(text)) {
        const auto again = keiji::alert::parse_envelope(keiji::alert::to_json(*envelope));
        if (!again || again->key_id != envelope->key_id || again->payload != envelope->payload ||
            again->signature != envelope->signature) {
            std::abort();
        }
    }

    if (const auto bytes = keiji::alert::from_base64(text)) {
        if (keiji::alert::to_base64(*bytes) != text) {
            std::abort();  // Two spellings of one key or signature: the decoder is too lax.
        }
    }

    (void)keiji::alert::KeyRing::parse(text);

    // The whole receiving path with a key that signed nothing: always a rejection, never trust.
    keiji::alert::KeyRing ring;
    ring.add("minato-bousai-2026", std::string(32, '\x01'));
    keiji::alert::AlertBook book(std::move(ring));
    const keiji::alert::Verdict verdict =
        book.receive(text, keiji::model::TimePoint{std::chrono::seconds{1'790'000'000}});
    if (verdict.accepted() || !book.active().empty()) {
        std::abort();
    }
    return 0;
}
