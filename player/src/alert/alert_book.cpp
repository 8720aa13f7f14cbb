#include "alert/alert_book.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "alert/alert_parser.hpp"
#include "alert/signing.hpp"

namespace keiji::alert {

namespace {

int status_rank(Status status) {
    return status == Status::actual ? 0 : 1;
}

std::string format_time(model::TimePoint time) {
    return date::format("%FT%TZ", time);
}

}  // namespace

std::string_view to_string(Reason reason) {
    switch (reason) {
        case Reason::accepted_new:
            return "new alert";
        case Reason::accepted_update:
            return "update";
        case Reason::accepted_cancel:
            return "cancel";
        case Reason::malformed_envelope:
            return "malformed envelope";
        case Reason::unknown_key:
            return "unknown key";
        case Reason::bad_signature:
            return "bad signature";
        case Reason::invalid_payload:
            return "invalid payload";
        case Reason::expired:
            return "expired";
        case Reason::replayed:
            return "replayed";
        case Reason::older_sequence:
            return "older sequence";
    }
    return "unknown";
}

std::string Verdict::describe() const {
    const std::string who =
        identifier.empty() ? std::string() : fmt::format(" {}#{}", identifier, sequence);
    if (accepted()) {
        return fmt::format("accepted {}{}{}{}", to_string(reason), who, detail.empty() ? "" : ": ",
                           detail);
    }
    return fmt::format("rejected ({}){}{}{}", to_string(reason), who, detail.empty() ? "" : ": ",
                       detail);
}

std::expected<Envelope, Verdict> authenticate(std::string_view envelope_text, const KeyRing& keys) {
    Verdict verdict;
    if (envelope_text.size() > largest_envelope) {
        verdict.reason = Reason::malformed_envelope;
        verdict.detail = fmt::format("{} bytes, more than an envelope's {}", envelope_text.size(),
                                     largest_envelope);
        return std::unexpected(std::move(verdict));
    }
    auto envelope = parse_envelope(envelope_text);
    if (!envelope) {
        verdict.reason = Reason::malformed_envelope;
        verdict.detail = envelope.error().text();
        return std::unexpected(std::move(verdict));
    }
    const std::string* public_key = keys.find(envelope->key_id);
    if (public_key == nullptr) {
        verdict.reason = Reason::unknown_key;
        verdict.detail = fmt::format("key_id \"{}\" is not configured", envelope->key_id);
        return std::unexpected(std::move(verdict));
    }
    // Nothing of the payload is trusted, not even its identifier for the log, before this.
    if (!verify_detached(envelope->payload, envelope->signature, *public_key)) {
        verdict.reason = Reason::bad_signature;
        verdict.detail =
            fmt::format("the signature does not match key_id \"{}\"", envelope->key_id);
        return std::unexpected(std::move(verdict));
    }
    return std::move(*envelope);
}

Verdict AlertBook::receive(std::string_view envelope_text, model::TimePoint now) {
    auto envelope = authenticate(envelope_text, m_keys);
    if (!envelope) {
        return std::move(envelope.error());
    }
    Verdict verdict;
    auto alert = parse_alert(envelope->payload, "payload");
    if (!alert) {
        verdict.reason = Reason::invalid_payload;
        verdict.detail = alert.error().empty() ? "unreadable" : alert.error().front().to_string();
        return verdict;
    }
    verdict.identifier = alert->identifier;
    verdict.sequence = alert->sequence;
    if (alert->expires <= now) {
        verdict.reason = Reason::expired;
        verdict.detail = fmt::format("expired at {}", format_time(alert->expires));
        return verdict;
    }
    if (const auto seen = m_seen.find(alert->identifier); seen != m_seen.end()) {
        if (alert->sequence == seen->second) {
            verdict.reason = Reason::replayed;
            verdict.detail = "this sequence was already received";
            return verdict;
        }
        if (alert->sequence < seen->second) {
            verdict.reason = Reason::older_sequence;
            verdict.detail = fmt::format("sequence {} is already in force", seen->second);
            return verdict;
        }
    }
    m_seen.insert_or_assign(alert->identifier, alert->sequence);

    if (alert->message_type == MessageType::cancel) {
        verdict.reason = Reason::accepted_cancel;
        std::size_t ended = m_active.erase(alert->identifier);
        for (const std::string& reference : alert->references) {
            ended += m_active.erase(reference);
        }
        verdict.detail = fmt::format("{} alert(s) ended", ended);
        return verdict;
    }
    const bool replaces = m_active.contains(alert->identifier) ||
                          std::ranges::any_of(alert->references, [&](const std::string& id) {
                              return m_active.contains(id);
                          });
    verdict.reason = replaces ? Reason::accepted_update : Reason::accepted_new;
    for (const std::string& reference : alert->references) {
        if (reference != alert->identifier) {
            m_active.erase(reference);
        }
    }
    verdict.detail = fmt::format("level {}, {}, expires {}", alert->level, to_string(alert->status),
                                 format_time(alert->expires));
    const std::string identifier = alert->identifier;
    m_active.insert_or_assign(identifier,
                              ActiveAlert{std::move(*alert), std::string(envelope_text)});
    return verdict;
}

std::vector<std::string> AlertBook::expire(model::TimePoint now) {
    std::vector<std::string> ended;
    std::erase_if(m_active, [&](const auto& entry) {
        if (entry.second.alert.expires <= now) {
            ended.push_back(entry.first);
            return true;
        }
        return false;
    });
    return ended;
}

std::vector<const ActiveAlert*> AlertBook::active() const {
    std::vector<const ActiveAlert*> list;
    for (const auto& [identifier, active] : m_active) {
        list.push_back(&active);
    }
    std::ranges::stable_sort(list, [](const ActiveAlert* a, const ActiveAlert* b) {
        const auto key = [](const ActiveAlert* active) {
            // Level 0 (an earthquake, a tsunami) is drawn like an evacuation order, and ranks so.
            const int level = active->alert.level == 0 ? 4 : active->alert.level;
            return std::tuple(-level, status_rank(active->alert.status),
                              -active->alert.sent.time_since_epoch().count());
        };
        return key(a) < key(b);
    });
    return list;
}

std::optional<model::TimePoint> AlertBook::next_expiry() const {
    std::optional<model::TimePoint> earliest;
    for (const auto& [identifier, active] : m_active) {
        if (!earliest || active.alert.expires < *earliest) {
            earliest = active.alert.expires;
        }
    }
    return earliest;
}

std::string AlertBook::serialize() const {
    nlohmann::json state = {
        {"version", 1}, {"seen", nlohmann::json::object()}, {"active", nlohmann::json::array()}};
    for (const auto& [identifier, sequence] : m_seen) {
        state["seen"][identifier] = sequence;
    }
    for (const auto& [identifier, active] : m_active) {
        state["active"].push_back(active.envelope);
    }
    return state.dump(2) + "\n";
}

AlertBook AlertBook::restore(std::string_view state, KeyRing keys, model::TimePoint now,
                             std::vector<Verdict>* log) {
    AlertBook book(std::move(keys));
    const nlohmann::json root = nlohmann::json::parse(state, nullptr, false);
    if (root.is_discarded() || !root.is_object()) {
        if (log != nullptr) {
            log->push_back(Verdict{Reason::malformed_envelope, "the saved state is unreadable"});
        }
        return book;
    }
    if (root.contains("active") && root["active"].is_array()) {
        for (const nlohmann::json& envelope : root["active"]) {
            if (!envelope.is_string()) {
                continue;
            }
            Verdict verdict = book.receive(envelope.get<std::string>(), now);
            if (log != nullptr) {
                log->push_back(std::move(verdict));
            }
        }
    }
    if (root.contains("seen") && root["seen"].is_object()) {
        for (const auto& [identifier, sequence] : root["seen"].items()) {
            if (sequence.is_number_integer()) {
                long long& known = book.m_seen[identifier];
                known = std::max(known, sequence.get<long long>());
            }
        }
    }
    return book;
}

}  // namespace keiji::alert
