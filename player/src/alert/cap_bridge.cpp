#include "alert/cap_bridge.hpp"

#include <date/date.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
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

bool is_ascii(std::string_view text) {
    return std::ranges::all_of(text, [](unsigned char c) { return c < 0x80; });
}

bool is_word_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

std::string trimmed(std::string_view text) {
    constexpr std::string_view ideographic_space = "\u3000";
    for (bool changed = true; changed;) {
        changed = false;
        for (std::string_view space : {std::string_view(" "), std::string_view("\t"),
                                       std::string_view("\r"), ideographic_space}) {
            if (text.starts_with(space)) {
                text.remove_prefix(space.size());
                changed = true;
            }
            if (text.ends_with(space)) {
                text.remove_suffix(space.size());
                changed = true;
            }
        }
    }
    return std::string(text);
}

// The places an <areaDesc> lists: "港区、品川区", "Butler; Crenshaw".
std::vector<std::string> places(std::string_view description) {
    constexpr std::array<std::string_view, 9> separators = {"、", "，", ",",  ";", "；",
                                                            "/",  "／", "・", "\n"};
    std::vector<std::string> found;
    while (!description.empty()) {
        std::size_t cut = description.size();
        std::size_t width = 0;
        for (std::string_view separator : separators) {
            const std::size_t at = description.find(separator);
            if (at < cut) {
                cut = at;
                width = separator.size();
            }
        }
        if (std::string place = trimmed(description.substr(0, cut)); !place.empty()) {
            found.push_back(std::move(place));
        }
        description.remove_prefix(std::min(description.size(), cut + width));
    }
    return found;
}

// `wanted` is this place: the same name; the name after its prefecture (東京都港区 for 港区, not
// 名古屋市港区); for a name in Latin letters, its whole words in the place (letters without case).
bool is_place(const std::string& place, const std::string& wanted) {
    const std::string lower_place = ascii_lower(place);
    const std::string lower_wanted = ascii_lower(wanted);
    if (lower_place == lower_wanted) {
        return true;
    }
    if (is_ascii(wanted)) {
        for (std::size_t at = lower_place.find(lower_wanted); at != std::string::npos;
             at = lower_place.find(lower_wanted, at + 1)) {
            const std::size_t end = at + lower_wanted.size();
            if ((at == 0 || !is_word_character(lower_place[at - 1])) &&
                (end == lower_place.size() || !is_word_character(lower_place[end]))) {
                return true;
            }
        }
        return false;
    }
    if (!place.ends_with(wanted)) {
        return false;
    }
    const std::string_view before = std::string_view(place).substr(0, place.size() - wanted.size());
    return before.ends_with("都") || before.ends_with("道") || before.ends_with("府") ||
           before.ends_with("県");
}

// The first of `wanted` this <info> block names, or nullopt.
std::optional<std::string> named_area(const CapInfoFacts& info,
                                      const std::vector<std::string>& wanted) {
    for (const std::string& area : wanted) {
        if (std::ranges::any_of(info.geocodes, [&](const std::string& code) {
                return ascii_lower(trimmed(code)) == ascii_lower(area);
            })) {
            return area;
        }
        for (const std::string& description : info.area_descriptions) {
            if (std::ranges::any_of(places(description), [&](const std::string& place) {
                    return is_place(place, area);
                })) {
                return area;
            }
        }
    }
    return std::nullopt;
}

std::string format_time(model::TimePoint at) {
    return date::format("%FT%TZ", std::chrono::floor<std::chrono::seconds>(at));
}

}  // namespace

std::string message_key(std::string_view sender, std::string_view identifier) {
    return fmt::format("{},{}", sender, identifier);
}

std::string reference_key(std::string_view reference) {
    const std::size_t first = reference.find(',');
    if (first == std::string_view::npos) {
        return std::string(reference);
    }
    const std::size_t second = reference.find(',', first + 1);
    return std::string(reference.substr(0, second));
}

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
    decision.key = message_key(alert.sender, alert.identifier);
    decision.sent = alert.sent;
    decision.expires = alert.expires;
    for (const std::string& reference : imported->references) {
        decision.replaces.push_back(reference_key(reference));
    }
    const auto leave_out = [&](std::string why) {
        decision.summary = std::move(why);
        return decision;
    };
    if (memory.published.contains(decision.key)) {
        return leave_out("already published");
    }
    if (memory.superseded.contains(decision.key)) {
        return leave_out("a later message already updated or cancelled it");
    }
    if (alert.expires <= now) {
        return leave_out(fmt::format("expired at {}", format_time(alert.expires)));
    }
    if (!imported->scope.empty() && imported->scope != "Public") {
        return leave_out(
            fmt::format("scope {}: only Public messages are for a lobby screen", imported->scope));
    }
    if (alert.status != Status::actual && !rules.include_drills) {
        return leave_out(fmt::format(
            "status {} (give --include-drills to show drills and tests, marked as such)",
            to_string(alert.status)));
    }
    const bool follows_ours = std::ranges::any_of(
        decision.replaces, [&](const std::string& key) { return memory.published.contains(key); });
    if (!follows_ours && alert.message_type == MessageType::cancel) {
        return leave_out("cancels an alert this bridge did not publish");
    }
    nlohmann::json payload = nlohmann::json::parse(imported->payload);
    std::string area_found;
    std::string shown_severity = imported->infos.empty() ? "" : imported->infos.front().severity;
    if (!follows_ours && payload.contains("info")) {
        // Each block on its own: a grave warning for one place and a mild one for the ward's
        // is the mild one here.
        nlohmann::json kept = nlohmann::json::array();
        std::string gravest;
        std::string gravest_anywhere;
        std::vector<std::string> areas_named;
        for (std::size_t i = 0; i < imported->infos.size(); ++i) {
            const CapInfoFacts& info = imported->infos[i];
            if (severity_rank(info.severity) > severity_rank(gravest_anywhere)) {
                gravest_anywhere = info.severity;
            }
            areas_named.insert(areas_named.end(), info.area_descriptions.begin(),
                               info.area_descriptions.end());
            areas_named.insert(areas_named.end(), info.geocodes.begin(), info.geocodes.end());
            const auto area = rules.areas.empty() ? std::optional<std::string>("")
                                                  : named_area(info, rules.areas);
            if (severity_rank(info.severity) < severity_rank(rules.min_severity) || !area) {
                continue;
            }
            kept.push_back(payload["info"][i]);
            if (area_found.empty()) {
                area_found = *area;
            }
            if (severity_rank(info.severity) > severity_rank(gravest)) {
                gravest = info.severity;
            }
        }
        if (kept.empty()) {
            if (severity_rank(gravest_anywhere) < severity_rank(rules.min_severity)) {
                return leave_out(fmt::format(
                    "severity {} is below {}",
                    gravest_anywhere.empty() ? "Unknown" : gravest_anywhere, rules.min_severity));
            }
            return leave_out(fmt::format("no block as grave as {} names {} (its areas: {})",
                                         rules.min_severity, fmt::join(rules.areas, ", "),
                                         fmt::join(areas_named, "; ")));
        }
        payload["info"] = kept;
        shown_severity = gravest;
        if (imported->level_from_severity) {
            payload["level"] = level_from_severity(gravest).value_or(alert.level);
        }
    }
    decision.payload = payload.dump(2) + "\n";
    if (auto checked = parse_alert(*decision.payload, "bridged CAP"); !checked) {
        decision.payload.reset();
        decision.unreadable = true;
        return leave_out(checked.error().front().to_string());
    }
    decision.summary =
        alert.message_type == MessageType::alert
            ? fmt::format("level {}, {}, {}", payload.value("level", 0), shown_severity,
                          area_found.empty() ? alert.area : area_found)
            : fmt::format("{} of {}", to_string(alert.message_type),
                          fmt::join(alert.references, ", "));
    return decision;
}

void remember(BridgeMemory& memory, const BridgeDecision& decision, bool published) {
    if (decision.unreadable || decision.key.empty()) {
        return;
    }
    for (const std::string& replaced : decision.replaces) {
        auto& until = memory.superseded[replaced];
        until = std::max(until, decision.expires);
    }
    if (published) {
        memory.published[decision.key] = decision.expires;
    }
}

std::string BridgeMemory::to_json() const {
    const auto as_json = [](const std::map<std::string, model::TimePoint>& keys) {
        nlohmann::json object = nlohmann::json::object();
        for (const auto& [key, expires] : keys) {
            object[key] = format_time(expires);
        }
        return object;
    };
    return nlohmann::json{{"published", as_json(published)}, {"superseded", as_json(superseded)}}
               .dump(2) +
           "\n";
}

model::Result<BridgeMemory> BridgeMemory::parse(std::string_view text) {
    const nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
    if (!document.is_object() || !document.contains("published") ||
        !document["published"].is_object()) {
        return model::failure("not the bridge's memory (a JSON object with \"published\")");
    }
    BridgeMemory memory;
    for (const auto& [name, into] :
         {std::pair{"published", &memory.published}, std::pair{"superseded", &memory.superseded}}) {
        const nlohmann::json keys = document.value(name, nlohmann::json::object());
        if (!keys.is_object()) {
            return model::failure(fmt::format("\"{}\" is not an object", name));
        }
        for (const auto& [key, expires] : keys.items()) {
            const auto when = expires.is_string()
                                  ? model::parse_timestamp(expires.get<std::string>())
                                  : std::nullopt;
            if (!when) {
                return model::failure(fmt::format("\"{}\" has no expiry time", key));
            }
            (*into)[key] = *when;
        }
    }
    return memory;
}

void BridgeMemory::forget_old(model::TimePoint now) {
    const auto old = [&](const auto& entry) { return entry.second + std::chrono::hours{24} < now; };
    std::erase_if(published, old);
    std::erase_if(superseded, old);
}

}  // namespace keiji::alert
