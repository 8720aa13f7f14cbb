#include "alert/cap_import.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "alert/alert_parser.hpp"
#include "model/time.hpp"

namespace keiji::alert {

namespace {

constexpr std::string_view cap_namespace = "urn:oasis:names:tc:emergency:cap:1.2";

// CAP's elements, found by their local name under the prefix the document binds to CAP's
// namespace ("" for the default namespace).
class CapElements {
public:
    explicit CapElements(std::string prefix) : m_prefix(std::move(prefix)) {}

    [[nodiscard]] pugi::xml_node child(const pugi::xml_node& node, std::string_view name) const {
        return node.child(qualified(name).c_str());
    }
    [[nodiscard]] std::string text(const pugi::xml_node& node, std::string_view name) const {
        std::string value = child(node, name).text().as_string();
        // CAP values are often indented over several lines by the tool that wrote them: such a
        // break is a space to the screen. A break without indentation is the writer's own.
        value.erase(0, value.find_first_not_of(" \t\r\n"));
        value.erase(value.find_last_not_of(" \t\r\n") + 1);
        std::string joined;
        for (std::size_t i = 0; i < value.size(); ++i) {
            const std::size_t indent_end = value.find_first_not_of(" \t", i + 1);
            if (value[i] == '\n' && indent_end != std::string::npos && indent_end >= i + 3) {
                while (!joined.empty() && (joined.back() == ' ' || joined.back() == '\r')) {
                    joined.pop_back();
                }
                joined += ' ';
                i = indent_end - 1;
            } else {
                joined += value[i];
            }
        }
        return joined;
    }
    [[nodiscard]] pugi::xml_object_range<pugi::xml_named_node_iterator> children(
        const pugi::xml_node& node, std::string_view name) const {
        m_names.push_back(qualified(name));
        return node.children(m_names.back().c_str());
    }

private:
    [[nodiscard]] std::string qualified(std::string_view name) const {
        return m_prefix.empty() ? std::string(name) : m_prefix + ":" + std::string(name);
    }
    std::string m_prefix;
    // The names children() iterates by, kept alive (a deque: adding one moves no other).
    mutable std::deque<std::string> m_names;
};

// The root <alert> and the prefix it uses, when it is in CAP 1.2's namespace.
std::optional<std::pair<pugi::xml_node, std::string>> cap_root(const pugi::xml_document& document) {
    const pugi::xml_node root = document.document_element();
    const std::string_view name = root.name();
    const std::size_t colon = name.find(':');
    const std::string prefix =
        colon == std::string_view::npos ? "" : std::string(name.substr(0, colon));
    const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
    const std::string binding = prefix.empty() ? "xmlns" : "xmlns:" + prefix;
    if (local != "alert" ||
        std::string_view(root.attribute(binding.c_str()).as_string()) != cap_namespace) {
        return std::nullopt;
    }
    return std::pair{root, prefix};
}

}  // namespace

bool has_doctype(std::string_view xml) {
    std::string lower(xml);
    std::ranges::transform(lower, lower.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return lower.contains("<!doctype") || lower.contains("<!entity");
}

std::optional<int> level_from_severity(std::string_view severity) {
    if (severity == "Extreme") {
        return 5;
    }
    if (severity == "Severe") {
        return 4;
    }
    if (severity == "Moderate") {
        return 3;
    }
    if (severity == "Minor") {
        return 2;
    }
    return std::nullopt;
}

namespace {

nlohmann::json split_references(const std::string& references) {
    nlohmann::json list = nlohmann::json::array();
    std::size_t start = 0;
    while (start < references.size()) {
        const std::size_t end =
            std::min(references.find_first_of(" \t\r\n", start), references.size());
        if (end > start) {
            list.push_back(references.substr(start, end - start));
        }
        start = end + 1;
    }
    return list;
}

}  // namespace

int severity_rank(std::string_view severity) {
    const auto level = level_from_severity(severity);
    return level ? *level - 1 : 0;
}

std::string screen_language(std::string_view tag) {
    const auto starts = [&](std::string_view prefix) {
        return tag == prefix || (tag.starts_with(prefix) && tag[prefix.size()] == '-');
    };
    if (tag.empty() || starts("en")) {
        return "en";  // CAP 1.2: no <language> means en-US.
    }
    if (starts("ja")) {
        return tag == "ja-x-easy" ? std::string(tag) : "ja";
    }
    if (starts("zh-Hant") || tag == "zh-TW" || tag == "zh-HK" || tag == "zh-MO") {
        return "zh-Hant";
    }
    if (starts("zh")) {
        return "zh-Hans";
    }
    if (starts("ko")) {
        return "ko";
    }
    return std::string(tag);
}

model::Result<CapImport> import_cap(std::string_view xml, const CapImportOptions& options) {
    CapImport result;
    // A DOCTYPE can define entities that expand without end or read files: refused outright,
    // before anything in it is looked at.
    if (has_doctype(xml)) {
        return model::failure(
            "refused: the document has a DOCTYPE (CAP has none, and keiji resolves no entities)");
    }
    pugi::xml_document document;
    const pugi::xml_parse_result parsed =
        document.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_auto);
    if (!parsed) {
        return model::failure(
            fmt::format("not XML at byte {}: {}", parsed.offset, parsed.description()));
    }
    const auto found = cap_root(document);
    if (!found) {
        return model::failure(
            "not a CAP 1.2 alert (an <alert> element in the namespace "
            "urn:oasis:names:tc:emergency:cap:1.2)");
    }
    const auto& [root, prefix] = *found;
    const CapElements cap(prefix);
    nlohmann::json payload = {{"identifier", cap.text(root, "identifier")},
                              {"sender", cap.text(root, "sender")},
                              {"sent", cap.text(root, "sent")},
                              {"status", cap.text(root, "status")},
                              {"msgType", cap.text(root, "msgType")}};
    const std::string status = payload["status"];
    const std::string message_type = payload["msgType"];
    // CAP "System" and "Draft" statuses never reach a lobby screen.
    if (status != "Actual" && status != "Exercise" && status != "Test") {
        return model::failure(fmt::format("status \"{}\" is not shown on screens", status));
    }
    result.scope = cap.text(root, "scope");
    const std::string references = cap.text(root, "references");
    if (!references.empty()) {
        payload["references"] = split_references(references);
        result.references = payload["references"].get<std::vector<std::string>>();
    } else if (message_type == "Update" || message_type == "Cancel") {
        return model::failure(
            fmt::format("an {} must name the alert it replaces in <references>", message_type));
    }
    std::optional<int> level;
    std::optional<int> severity_level;
    std::string expires;
    std::string area;
    nlohmann::json infos = nlohmann::json::array();
    std::vector<nlohmann::json> shelters;
    for (const pugi::xml_node info : cap.children(root, "info")) {
        const std::string cap_language = cap.text(info, "language");
        const std::string language = screen_language(cap_language);
        if (cap_language.empty()) {
            result.notes.push_back("an <info> without <language> is en-US (CAP 1.2)");
        }
        nlohmann::json entry = {{"language", language}, {"headline", cap.text(info, "headline")}};
        for (const char* name : {"event", "description", "instruction"}) {
            if (const std::string value = cap.text(info, name); !value.empty()) {
                entry[name] = value;
            }
        }
        infos.push_back(entry);
        if (expires.empty()) {
            expires = cap.text(info, "expires");
        }
        CapInfoFacts facts{.severity = cap.text(info, "severity")};
        for (const pugi::xml_node area_node : cap.children(info, "area")) {
            facts.area_descriptions.push_back(cap.text(area_node, "areaDesc"));
            for (const pugi::xml_node geocode : cap.children(area_node, "geocode")) {
                facts.geocodes.push_back(cap.text(geocode, "value"));
            }
        }
        const std::string severity = facts.severity;
        result.infos.push_back(std::move(facts));
        if (area.empty()) {
            area = cap.text(cap.child(info, "area"), "areaDesc");
        }
        if (!severity_level) {
            severity_level = level_from_severity(severity);
        }
        std::size_t shelter_index = 0;
        for (const pugi::xml_node parameter : cap.children(info, "parameter")) {
            const std::string name = cap.text(parameter, "valueName");
            const std::string value = cap.text(parameter, "value");
            if (!level && (name == "警戒レベル" || name == "EvacuationLevel" || name == "level")) {
                level = std::atoi(value.c_str());
            } else if (name == "避難所" || name == "shelter") {
                if (shelter_index == shelters.size()) {
                    shelters.push_back({{"name", nlohmann::json::object()}});
                }
                shelters[shelter_index++]["name"][language] = value;
            }
        }
    }
    const auto sent = model::parse_timestamp(payload["sent"].get<std::string>());
    if (!sent && (expires.empty() || !options.sequence)) {
        return model::failure("<sent> is not a date and time");
    }
    if (expires.empty()) {
        const auto until = std::chrono::floor<std::chrono::seconds>(*sent + options.lasting);
        expires = date::format("%FT%TZ", until);
        result.notes.push_back(
            fmt::format("no <expires>: the alert stays {} minutes after <sent>, until {}",
                        options.lasting.count(), expires));
    }
    if (const auto until = model::parse_timestamp(expires); until && sent && *until <= *sent) {
        return model::failure(fmt::format(
            "<expires> {} is not after <sent>: the message has expired as it was sent and a "
            "screen would show nothing (to end an alert, send a Cancel)",
            expires));
    }
    payload["expires"] = expires;
    payload["sequence"] = options.sequence.value_or(sent ? sent->time_since_epoch().count() : 0);
    if (message_type != "Cancel") {
        if (!level) {
            level = options.level;
        }
        if (!level && severity_level) {
            level = severity_level;
            result.level_from_severity = true;
            result.notes.push_back(fmt::format(
                "no 警戒レベル parameter: level {} from <severity> (give --level to choose)",
                *level));
        }
        if (!level) {
            return model::failure(
                "no 警戒レベル parameter and no <severity> to take a level from; give it with "
                "--level");
        }
        if (infos.empty()) {
            return model::failure("no <info>: only a Cancel may come without one");
        }
        payload["level"] = *level;
        payload["info"] = infos;
    }
    if (!area.empty()) {
        payload["area"] = {{"areaDesc", area}};
    }
    if (!shelters.empty()) {
        payload["shelters"] = shelters;
    }
    result.payload = payload.dump(2) + "\n";
    if (auto checked = parse_alert(result.payload, "converted CAP"); !checked) {
        return model::failure(checked.error().front().to_string());
    }
    return result;
}

}  // namespace keiji::alert
