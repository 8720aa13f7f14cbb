#include "alert/cap_import.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "alert/alert_parser.hpp"
#include "model/time.hpp"

namespace keiji::alert {

namespace {

std::string text_of(const pugi::xml_node& node, const char* name) {
    return node.child(name).text().as_string();
}

std::string screen_language(std::string tag) {
    if (tag.empty() || tag == "ja-JP" || tag == "ja") {
        return "ja";
    }
    if (tag.starts_with("en")) {
        return "en";
    }
    if (tag == "zh-CN" || tag == "zh-SG" || tag == "zh-Hans-CN") {
        return "zh-Hans";
    }
    if (tag == "ko-KR") {
        return "ko";
    }
    return tag;
}

}  // namespace

model::Result<std::string> import_cap(std::string_view xml, const CapImportOptions& options) {
    pugi::xml_document document;
    const pugi::xml_parse_result parsed = document.load_buffer(xml.data(), xml.size());
    if (!parsed) {
        return model::failure(
            fmt::format("not XML at byte {}: {}", parsed.offset, parsed.description()));
    }
    const pugi::xml_node root = document.child("alert");
    if (!root || std::string_view(root.attribute("xmlns").as_string()) !=
                     "urn:oasis:names:tc:emergency:cap:1.2") {
        return model::failure(
            "not a CAP 1.2 alert (<alert xmlns=\"urn:oasis:names:tc:"
            "emergency:cap:1.2\">)");
    }
    nlohmann::json payload = {{"identifier", text_of(root, "identifier")},
                              {"sender", text_of(root, "sender")},
                              {"sent", text_of(root, "sent")},
                              {"status", text_of(root, "status")},
                              {"msgType", text_of(root, "msgType")}};
    // CAP "System" and "Draft" statuses never reach a lobby screen.
    if (payload["status"] != "Actual" && payload["status"] != "Exercise" &&
        payload["status"] != "Test") {
        return model::failure(fmt::format("status \"{}\" is not shown on screens",
                                          payload["status"].get<std::string>()));
    }
    if (const std::string references = text_of(root, "references"); !references.empty()) {
        nlohmann::json list = nlohmann::json::array();
        std::size_t start = 0;
        while (start < references.size()) {
            const std::size_t end = std::min(references.find(' ', start), references.size());
            if (end > start) {
                list.push_back(references.substr(start, end - start));
            }
            start = end + 1;
        }
        payload["references"] = list;
    }
    std::optional<int> level = options.level;
    std::string expires;
    std::string area;
    nlohmann::json infos = nlohmann::json::array();
    std::vector<nlohmann::json> shelters;
    for (const pugi::xml_node info : root.children("info")) {
        const std::string language = screen_language(text_of(info, "language"));
        nlohmann::json entry = {{"language", language}, {"headline", text_of(info, "headline")}};
        for (const char* name : {"event", "description", "instruction"}) {
            if (const std::string value = text_of(info, name); !value.empty()) {
                entry[name] = value;
            }
        }
        infos.push_back(entry);
        if (expires.empty()) {
            expires = text_of(info, "expires");
        }
        if (area.empty()) {
            area = info.child("area").child("areaDesc").text().as_string();
        }
        std::size_t shelter_index = 0;
        for (const pugi::xml_node parameter : info.children("parameter")) {
            const std::string name = text_of(parameter, "valueName");
            const std::string value = text_of(parameter, "value");
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
    if (expires.empty()) {
        return model::failure(
            "no <expires> in any <info>: a screen needs to know when the "
            "alert ends");
    }
    const auto sent = model::parse_timestamp(payload["sent"].get<std::string>());
    if (!options.sequence && !sent) {
        return model::failure("<sent> is not a date and time, and no --sequence was given");
    }
    payload["expires"] = expires;
    payload["sequence"] = options.sequence.value_or(sent ? sent->time_since_epoch().count() : 0);
    if (payload["msgType"] != "Cancel") {
        if (!level) {
            return model::failure("no 警戒レベル parameter in the CAP; give it with --level");
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
    std::string text = payload.dump(2) + "\n";
    if (auto checked = parse_alert(text, "converted CAP"); !checked) {
        return model::failure(checked.error().front().to_string());
    }
    return text;
}

}  // namespace keiji::alert
