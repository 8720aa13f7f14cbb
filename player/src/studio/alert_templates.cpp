#include "studio/alert_templates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "studio/web_assets.hpp"
#include "studio/workflow.hpp"

namespace keiji::studio {

namespace {

model::Error form_error(std::string en, std::string ja) {
    return http_error(400, std::move(en), std::move(ja));
}

model::LocalizedText localized(const nlohmann::json& object) {
    std::map<std::string, std::string, std::less<>> texts;
    if (object.is_object()) {
        for (const auto& [language, text] : object.items()) {
            if (text.is_string() && !text.get<std::string>().empty()) {
                texts.emplace(language, text.get<std::string>());
            }
        }
    }
    return model::LocalizedText(std::move(texts));
}

nlohmann::json to_json(const model::LocalizedText& text) {
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [language, words] : text.all()) {
        object[language] = words;
    }
    return object;
}

// The area as the screen's language should say it: Korean readers get the English (romanised)
// name before the kanji when the office wrote one.
std::string area_in(const model::LocalizedText& area, std::string_view language) {
    if (const std::string* exact = area.find(language)) {
        return *exact;
    }
    if (language == "ko") {
        if (const std::string* english = area.find("en")) {
            return *english;
        }
    }
    return std::string(area.pick(language));
}

// A shelter's name without Korean: Korean screens show the English (romanised) one, as they do
// the area, rather than kanji.
nlohmann::json for_korean_readers(nlohmann::json names) {
    if (!names.contains("ko") && names.contains("en")) {
        names["ko"] = names["en"];
    }
    return names;
}

// The time of issue as each language writes a clock time.
std::string time_in(std::string_view language, int hour, int minute) {
    if (language.starts_with("ja")) {
        return fmt::format("{}時{:02}分", hour, minute);
    }
    if (language == "ko") {
        return fmt::format("{}시 {:02}분", hour, minute);
    }
    return fmt::format("{}:{:02}", hour, minute);
}

std::string fill(std::string text, const std::string& area, const std::string& time) {
    for (const auto& [placeholder, value] :
         {std::pair<std::string_view, const std::string&>{"{area}", area}, {"{time}", time}}) {
        for (std::size_t at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + value.size())) {
            text.replace(at, placeholder.size(), value);
        }
    }
    return text;
}

}  // namespace

model::Result<std::vector<AlertTemplate>> parse_alert_templates(std::string_view text) {
    const nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
    if (!document.is_object() || !document.value("templates", nlohmann::json()).is_array()) {
        return model::failure("the alert templates are not {\"templates\": [...]}");
    }
    std::vector<AlertTemplate> templates;
    for (const nlohmann::json& entry : document["templates"]) {
        AlertTemplate parsed{.id = entry.value("id", ""),
                             .name = localized(entry.value("name", nlohmann::json())),
                             .level = entry.value("level", -1),
                             .hours = entry.value("hours", 0),
                             .shelters = entry.value("shelters", ""),
                             .exercise_only = entry.value("exercise_only", false),
                             .info = entry.value("info", nlohmann::json())};
        if (parsed.id.empty() || parsed.level < 0 || parsed.level > 5 || parsed.hours < 1 ||
            (parsed.shelters != "none" && parsed.shelters != "optional" &&
             parsed.shelters != "required")) {
            return model::failure(
                fmt::format("alert template \"{}\": id, level 0–5, hours and "
                            "shelters (none, optional, required) are needed",
                            parsed.id));
        }
        for (const std::string_view language : desk_languages) {
            const nlohmann::json texts = parsed.info.value(std::string(language), nlohmann::json());
            if (!texts.is_object() || texts.value("headline", "").empty() ||
                texts.value("instruction", "").empty() || texts.value("event", "").empty()) {
                return model::failure(
                    fmt::format("alert template \"{}\": {} needs event, headline and instruction",
                                parsed.id, language));
            }
        }
        templates.push_back(std::move(parsed));
    }
    return templates;
}

const std::vector<AlertTemplate>& alert_templates() {
    static const std::vector<AlertTemplate> templates = [] {
        for (const WebAsset& asset : web_assets()) {
            if (asset.path == "/data/alert-templates.json") {
                // Checked by the studio's tests: a broken file cannot pass them.
                return parse_alert_templates(asset.bytes).value_or(std::vector<AlertTemplate>{});
            }
        }
        return std::vector<AlertTemplate>{};
    }();
    return templates;
}

nlohmann::json to_json(const AlertTemplate& alert_template) {
    return {{"id", alert_template.id},
            {"name", to_json(alert_template.name)},
            {"level", alert_template.level},
            {"hours", alert_template.hours},
            {"shelters", alert_template.shelters},
            {"exercise_only", alert_template.exercise_only},
            {"info", alert_template.info}};
}

model::Result<std::vector<DeskShelter>> shelters_from_json(const nlohmann::json& list) {
    if (!list.is_array()) {
        return model::failure(form_error("shelters are a list", "避難所は一覧で送ってください"));
    }
    static const std::regex id_pattern("[a-z0-9_-]{1,40}");
    std::vector<DeskShelter> shelters;
    for (std::size_t index = 0; index < list.size(); ++index) {
        const nlohmann::json& entry = list[index];
        const std::size_t row = index + 1;
        DeskShelter shelter{
            .id = entry.is_object() ? entry.value("id", "") : "",
            .name = localized(entry.is_object() ? entry.value("name", nlohmann::json())
                                                : nlohmann::json()),
            .address = localized(entry.is_object() ? entry.value("address", nlohmann::json())
                                                   : nlohmann::json())};
        if (!std::regex_match(shelter.id, id_pattern)) {
            return model::failure(form_error(
                fmt::format("shelter {}: the id is 1 to 40 of a-z, 0-9, - and _", row),
                fmt::format("避難所 {} 行目:ID は英小文字・数字・- _ の 40 文字以内で書いて"
                            "ください(例:shiba-es)",
                            row)));
        }
        if (std::ranges::any_of(shelters,
                                [&](const DeskShelter& seen) { return seen.id == shelter.id; })) {
            return model::failure(form_error(
                fmt::format("shelter {}: the id \"{}\" is used twice", row, shelter.id),
                fmt::format("避難所 {} 行目:ID「{}」はすでに使われています", row, shelter.id)));
        }
        if (shelter.name.find("ja") == nullptr || shelter.name.find("en") == nullptr) {
            return model::failure(form_error(
                fmt::format("shelter {}: write its name in Japanese and in English", row),
                fmt::format("避難所 {} 行目:名前を日本語と英語で入れてください", row)));
        }
        shelters.push_back(std::move(shelter));
    }
    return shelters;
}

nlohmann::json to_json(const DeskShelter& shelter) {
    return {
        {"id", shelter.id}, {"name", to_json(shelter.name)}, {"address", to_json(shelter.address)}};
}

model::Result<AlertForm> alert_form_from_json(const nlohmann::json& body) {
    AlertForm form;
    form.template_id = body.value("template", "");
    form.area = localized(body.value("area", nlohmann::json()));
    form.status = body.value("status", "Exercise");
    const nlohmann::json hours = body.value("hours", nlohmann::json(0));
    const nlohmann::json shelters = body.value("shelters", nlohmann::json::array());
    if (!hours.is_number_integer() || !shelters.is_array()) {
        return model::failure(form_error("hours is a whole number and shelters a list of ids",
                                         "時間は整数、避難所は ID の一覧で送ってください"));
    }
    form.hours = hours.get<int>();
    for (const nlohmann::json& id : shelters) {
        form.shelters.push_back(id.is_string() ? id.get<std::string>() : id.dump());
    }
    return form;
}

model::Result<nlohmann::json> compose_alert(const AlertTemplate& alert_template,
                                            const AlertForm& form,
                                            const std::vector<DeskShelter>& known,
                                            const AlertNumbering& numbering,
                                            const date::time_zone& zone) {
    const std::string* area_ja = form.area.find("ja");
    if (area_ja == nullptr || area_ja->size() > 120) {
        return model::failure(form_error("write the area in Japanese (for example 港区全域)",
                                         "対象の地域を日本語で入れてください(例:港区全域)"));
    }
    if (form.status != "Exercise" && form.status != "Actual") {
        return model::failure(form_error("the status is Exercise or Actual",
                                         "種別は「訓練」か「実際の災害」を選んでください"));
    }
    if (form.status == "Actual" && alert_template.exercise_only) {
        return model::failure(form_error("a drill is always sent as an exercise",
                                         "防災訓練のテンプレートは訓練としてだけ送れます"));
    }
    const int hours = form.hours == 0 ? alert_template.hours : form.hours;
    if (hours < 1 || hours > 72) {
        return model::failure(form_error("it stays in force for 1 to 72 hours",
                                         "表示する時間は 1〜72 時間にしてください"));
    }
    nlohmann::json shelters = nlohmann::json::array();
    for (const std::string& id : form.shelters) {
        const auto found = std::ranges::find(known, id, &DeskShelter::id);
        if (found == known.end()) {
            return model::failure(
                form_error(fmt::format("there is no shelter \"{}\" on the list", id),
                           fmt::format("避難所「{}」は一覧にありません", id)));
        }
        nlohmann::json entry = {{"name", for_korean_readers(to_json(found->name))}};
        if (!found->address.empty()) {
            entry["address"] = for_korean_readers(to_json(found->address));
        }
        shelters.push_back(std::move(entry));
    }
    if (alert_template.shelters == "none" && !shelters.empty()) {
        return model::failure(form_error("this template names no shelters",
                                         "このテンプレートには避難所を載せません"));
    }
    if (alert_template.shelters == "required" && shelters.empty()) {
        return model::failure(form_error("choose at least one shelter that is open",
                                         "開設した避難所を 1 つ以上選んでください"));
    }
    const auto sent = std::chrono::floor<std::chrono::seconds>(numbering.sent);
    const date::zoned_seconds local(&zone, sent);
    const auto day = date::floor<date::days>(local.get_local_time());
    const date::hh_mm_ss clock(local.get_local_time() - day);
    nlohmann::json info = nlohmann::json::array();
    for (const std::string_view language : desk_languages) {
        const nlohmann::json& texts = alert_template.info[std::string(language)];
        const std::string area = area_in(form.area, language);
        const std::string time =
            time_in(language, int(clock.hours().count()), int(clock.minutes().count()));
        info.push_back({{"language", language},
                        {"event", fill(texts.value("event", ""), area, time)},
                        {"headline", fill(texts.value("headline", ""), area, time)},
                        {"instruction", fill(texts.value("instruction", ""), area, time)}});
    }
    nlohmann::json payload = {
        {"identifier", numbering.identifier},
        {"sender", numbering.sender},
        {"sent", date::format("%FT%TZ", sent)},
        {"status", form.status},
        {"msgType", numbering.message_type},
        {"scope", "Public"},
        {"expires", date::format("%FT%TZ", sent + std::chrono::hours(hours))},
        {"sequence", numbering.sequence},
        {"level", alert_template.level},
        {"info", std::move(info)},
        {"area", {{"areaDesc", *area_ja}}},
    };
    if (numbering.message_type == "Update") {
        payload["references"] = {numbering.identifier};
    }
    if (!shelters.empty()) {
        payload["shelters"] = std::move(shelters);
    }
    return payload;
}

}  // namespace keiji::studio
