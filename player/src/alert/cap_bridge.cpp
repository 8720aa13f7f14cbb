#include "alert/cap_bridge.hpp"

#include <date/date.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "alert/alert_parser.hpp"

namespace keiji::alert {

namespace {

std::string ascii_lower(std::string_view text) {
    std::string lower(text);
    std::ranges::transform(lower, lower.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return lower;
}

// The first of `rules.areas` the message names, or nullopt. A geocode is a whole value; an
// area description may contain the name among others ("港区、品川区").
std::optional<std::string> matching_area(const std::vector<std::string>& message_areas,
                                         const std::vector<std::string>& wanted) {
    for (const std::string& area : wanted) {
        const std::string needle = ascii_lower(area);
        for (const std::string& named : message_areas) {
            if (ascii_lower(named).find(needle) != std::string::npos) {
                return area;
            }
        }
    }
    return std::nullopt;
}

// "Update of 2 alerts this bridge published" passes whatever the rules say: the screens show
// the alert it replaces, and must not keep the old words.
bool follows_ours(const Alert& alert, const BridgeMemory& memory) {
    return std::ranges::any_of(alert.references, [&](const std::string& identifier) {
        return memory.published.contains(identifier);
    });
}

}  // namespace

BridgeDecision decide_cap(std::string_view cap_xml, const BridgeRules& rules,
                          const BridgeMemory& memory, model::TimePoint now) {
    BridgeDecision decision;
    auto imported = import_cap(cap_xml, rules.import);
    if (!imported) {
        decision.unreadable = true;
        decision.summary = imported.error().text();
        return decision;
    }
    decision.notes = imported->notes;
    auto parsed = parse_alert(imported->payload, "converted CAP");
    if (!parsed) {
        decision.unreadable = true;
        decision.summary = parsed.error().front().to_string();
        return decision;
    }
    const Alert& alert = *parsed;
    decision.identifier = alert.identifier;
    decision.sent = alert.sent;
    decision.expires = alert.expires;
    const auto leave_out = [&](std::string why) {
        decision.summary = std::move(why);
        return decision;
    };
    if (memory.published.contains(alert.identifier)) {
        return leave_out("already published");
    }
    if (alert.expires <= now) {
        return leave_out(fmt::format("expired at {}", date::format("%FT%TZ", alert.expires)));
    }
    if (alert.status != Status::actual && !rules.include_drills) {
        return leave_out(fmt::format(
            "status {} (give --include-drills to show drills and tests, marked as such)",
            to_string(alert.status)));
    }
    const bool ours = follows_ours(alert, memory);
    if (!ours && alert.message_type == MessageType::cancel) {
        return leave_out("cancels an alert this bridge did not publish");
    }
    std::string area_found;
    if (!ours) {
        if (severity_rank(imported->severity) < severity_rank(rules.min_severity)) {
            return leave_out(fmt::format(
                "severity {} is below {}",
                imported->severity.empty() ? "Unknown" : imported->severity, rules.min_severity));
        }
        if (!rules.areas.empty()) {
            const auto area = matching_area(imported->areas, rules.areas);
            if (!area) {
                return leave_out(fmt::format("its areas ({}) are none of {}",
                                             fmt::join(imported->areas, "; "),
                                             fmt::join(rules.areas, ", ")));
            }
            area_found = *area;
        }
    }
    decision.payload = std::move(imported->payload);
    decision.summary = alert.message_type == MessageType::alert
                           ? fmt::format("level {}, {}, {}", alert.level, imported->severity,
                                         area_found.empty() ? alert.area : area_found)
                           : fmt::format("{} of {}", to_string(alert.message_type),
                                         fmt::join(alert.references, ", "));
    return decision;
}

std::string BridgeMemory::to_json() const {
    nlohmann::json published_json = nlohmann::json::object();
    for (const auto& [identifier, expires] : published) {
        published_json[identifier] = date::format("%FT%TZ", expires);
    }
    return nlohmann::json{{"published", published_json}}.dump(2) + "\n";
}

model::Result<BridgeMemory> BridgeMemory::parse(std::string_view text) {
    const nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
    if (!document.is_object() || !document.contains("published") ||
        !document["published"].is_object()) {
        return model::failure("not the bridge's memory (a JSON object with \"published\")");
    }
    BridgeMemory memory;
    for (const auto& [identifier, expires] : document["published"].items()) {
        const auto when =
            expires.is_string() ? model::parse_timestamp(expires.get<std::string>()) : std::nullopt;
        if (!when) {
            return model::failure(fmt::format("\"{}\" has no expiry time", identifier));
        }
        memory.published[identifier] = *when;
    }
    return memory;
}

void BridgeMemory::forget_old(model::TimePoint now) {
    std::erase_if(published,
                  [&](const auto& entry) { return entry.second + std::chrono::hours{24} < now; });
}

}  // namespace keiji::alert
