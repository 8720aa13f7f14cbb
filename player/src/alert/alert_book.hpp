#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alert/alert.hpp"
#include "alert/envelope.hpp"
#include "model/time.hpp"

namespace keiji::alert {

// Why an envelope was accepted or rejected; every one is logged.
enum class Reason {
    accepted_new,        // A new alert is shown.
    accepted_update,     // It replaces the alert of the same identifier.
    accepted_cancel,     // It ends the alert of the same identifier (or its references).
    malformed_envelope,  // Not an envelope at all.
    unknown_key,         // key_id is not among the configured keys.
    bad_signature,       // Signed by another key, or the payload was changed after signing.
    invalid_payload,     // Signed, but not a valid alert.
    expired,             // Its "expires" has passed.
    replayed,            // This identifier and sequence were already received.
    older_sequence,      // A newer message of this identifier was already received.
};

[[nodiscard]] std::string_view to_string(Reason reason);
[[nodiscard]] inline bool is_accepted(Reason reason) {
    return reason == Reason::accepted_new || reason == Reason::accepted_update ||
           reason == Reason::accepted_cancel;
}

// The outcome of one envelope, for the log.
struct Verdict {
    Reason reason = Reason::malformed_envelope;
    std::string detail;      // Human-readable cause (parse errors, key_id, times).
    std::string identifier;  // Empty when the payload could not be read.
    long long sequence = 0;

    [[nodiscard]] bool accepted() const { return is_accepted(reason); }
    // "accepted new alert minato-2026-0901-001#3" / "rejected (bad signature): ...".
    [[nodiscard]] std::string describe() const;
};

// An alert on screen, with the envelope it came in (persisted as received, so a restart
// verifies it again with the keys configured then).
struct ActiveAlert {
    Alert alert;
    std::string envelope;
};

// The largest envelope a screen reads: five languages of an alert are a few kilobytes; the
// broker's own limit (broker/mosquitto-keiji.conf) is the same.
inline constexpr std::size_t largest_envelope = 256 * 1024;

// The checks that need no state: the size, the envelope's form, a trusted key_id and a signature
// that matches. Thread-safe with a KeyRing nobody changes; a channel's own thread uses it to
// drop a flood of forgeries before they reach the main loop. The verdict says why not.
[[nodiscard]] std::expected<Envelope, Verdict> authenticate(std::string_view envelope_text,
                                                            const KeyRing& keys);

// The alert state machine. Pure: envelopes and the time come in as parameters; it never reads a
// clock, a file or the network. Accepts only envelopes signed by a configured key, rejects
// expired ones, replays and older sequences of an identifier; an Update replaces, a Cancel ends.
class AlertBook {
public:
    explicit AlertBook(KeyRing keys) : m_keys(std::move(keys)) {}

    Verdict receive(std::string_view envelope_text, model::TimePoint now);
    [[nodiscard]] const KeyRing& keys() const { return m_keys; }
    // Drops the alerts whose "expires" is at or before `now`. Returns their identifiers.
    std::vector<std::string> expire(model::TimePoint now);

    // The alerts on screen, most urgent first: level, then Actual before drills, then newest.
    [[nodiscard]] std::vector<const ActiveAlert*> active() const;
    // When the next active alert expires (the main loop wakes then), or nullopt.
    [[nodiscard]] std::optional<model::TimePoint> next_expiry() const;

    // The state to persist: the active envelopes and the highest sequence seen per identifier,
    // so that replays are still refused after a restart.
    [[nodiscard]] std::string serialize() const;
    // Rebuilds the book from serialize()'s output, verifying every envelope again against
    // `keys` at `now`. Verdicts of the re-verification are appended to `log` when not null.
    [[nodiscard]] static AlertBook restore(std::string_view state, KeyRing keys,
                                           model::TimePoint now,
                                           std::vector<Verdict>* log = nullptr);

private:
    KeyRing m_keys;
    std::map<std::string, ActiveAlert, std::less<>> m_active;  // By identifier.
    std::map<std::string, long long, std::less<>> m_seen;      // Highest sequence.
};

}  // namespace keiji::alert
