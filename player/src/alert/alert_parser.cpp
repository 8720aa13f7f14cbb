#include "alert/alert_parser.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

#include "model/json_document.hpp"
#include "model/object_reader.hpp"

namespace keiji::alert {

namespace {

using model::Presence;

template <typename Enum, std::size_t N>
std::optional<Enum> read_enum(model::ObjectReader& reader, std::string_view name,
                              const std::array<std::pair<std::string_view, Enum>, N>& choices) {
    const auto text = reader.string(name, Presence::required);
    if (!text) {
        return std::nullopt;
    }
    std::string allowed;
    for (const auto& [spelling, value] : choices) {
        if (*text == spelling) {
            return value;
        }
        allowed += (allowed.empty() ? "" : ", ") + std::string(spelling);
    }
    reader.fail(name,
                {fmt::format("\"{}\" is not one of {}", *text, allowed),
                 fmt::format("「{}」は使えません。{} のどれかを書いてください", *text, allowed)});
    return std::nullopt;
}

std::optional<model::TimePoint> read_timestamp(model::ObjectReader& reader, std::string_view name) {
    const auto text = reader.string(name, Presence::required);
    if (!text) {
        return std::nullopt;
    }
    const auto time = model::parse_timestamp(*text);
    if (!time) {
        reader.fail(name, {fmt::format("\"{}\" is not a date and time with a time zone; write it "
                                       "like 2026-09-01T10:00:00+09:00",
                                       *text),
                           fmt::format("「{}」は日時として読めません。2026-09-01T10:00:00+09:00 "
                                       "のようにタイムゾーン付きで書いてください",
                                       *text)});
    }
    return time;
}

// CAP writes a reference as "sender,identifier,sent"; a bare identifier is accepted too.
std::string referenced_identifier(const std::string& reference) {
    const auto first = reference.find(',');
    if (first == std::string::npos) {
        return reference;
    }
    const auto second = reference.find(',', first + 1);
    return reference.substr(first + 1,
                            second == std::string::npos ? std::string::npos : second - first - 1);
}

std::vector<std::string> read_string_array(const model::JsonDocument& document,
                                           model::ObjectReader& reader, std::string_view name,
                                           model::Errors& errors) {
    std::vector<std::string> values;
    const nlohmann::json* array = reader.array(name, Presence::optional);
    if (array == nullptr) {
        return values;
    }
    for (std::size_t index = 0; index < array->size(); ++index) {
        const auto& value = (*array)[index];
        if (!value.is_string()) {
            const std::string pointer = model::append_pointer(reader.member_pointer(name), index);
            errors.push_back(model::Error{document.location_of(pointer),
                                          {"must be a text", "文字列で書いてください"}});
            continue;
        }
        values.push_back(value.get<std::string>());
    }
    return values;
}

Info read_info(const model::JsonDocument& document, const std::string& pointer,
               model::Errors& errors) {
    model::ObjectReader reader(document, pointer, errors,
                               {"language", "event", "headline", "description", "instruction"});
    Info info;
    info.language = reader.string("language", Presence::required).value_or("");
    if (!info.language.empty() && !model::is_known_language_tag(info.language)) {
        reader.fail("language",
                    {fmt::format("\"{}\" is not a language tag such as ja, ja-x-easy, en, "
                                 "zh-Hans, ko",
                                 info.language),
                     fmt::format("「{}」は言語タグではありません。ja, ja-x-easy, en, zh-Hans, ko "
                                 "のように書いてください",
                                 info.language)});
    }
    info.event = reader.string("event", Presence::optional).value_or("");
    info.headline = reader.string("headline", Presence::required).value_or("");
    info.description = reader.string("description", Presence::optional).value_or("");
    info.instruction = reader.string("instruction", Presence::optional).value_or("");
    return info;
}

Shelter read_shelter(const model::JsonDocument& document, const std::string& pointer,
                     model::Errors& errors) {
    model::ObjectReader reader(document, pointer, errors, {"name", "address"});
    Shelter shelter;
    shelter.name = reader.text("name", Presence::required).value_or(model::LocalizedText{});
    shelter.address = reader.text("address", Presence::optional).value_or(model::LocalizedText{});
    return shelter;
}

}  // namespace

std::expected<Alert, model::Errors> parse_alert(std::string_view payload, std::string source_name) {
    auto document = model::JsonDocument::parse(std::string(payload), std::move(source_name));
    if (!document) {
        return std::unexpected(std::move(document.error()));
    }
    model::Errors errors;
    model::ObjectReader reader(
        *document, "", errors,
        {"identifier", "sender", "sent", "status", "msgType", "scope", "references", "expires",
         "sequence", "level", "info", "area", "shelters"});
    if (!reader.is_object()) {
        return std::unexpected(std::move(errors));
    }
    Alert alert;
    alert.identifier = reader.string("identifier", Presence::required).value_or("");
    alert.sender = reader.string("sender", Presence::required).value_or("");
    alert.sent = read_timestamp(reader, "sent").value_or(model::TimePoint{});
    alert.status = read_enum(reader, "status",
                             std::array{std::pair{std::string_view("Actual"), Status::actual},
                                        std::pair{std::string_view("Exercise"), Status::exercise},
                                        std::pair{std::string_view("Test"), Status::test}})
                       .value_or(Status::actual);
    alert.message_type =
        read_enum(reader, "msgType",
                  std::array{std::pair{std::string_view("Alert"), MessageType::alert},
                             std::pair{std::string_view("Update"), MessageType::update},
                             std::pair{std::string_view("Cancel"), MessageType::cancel}})
            .value_or(MessageType::alert);
    if (const auto scope = reader.string("scope", Presence::optional);
        scope && *scope != "Public") {
        reader.fail("scope", {"a screen in a public lobby shows only \"Public\" alerts",
                              "公共のロビーの画面には「Public」の警報だけを表示します"});
    }
    for (const std::string& reference :
         read_string_array(*document, reader, "references", errors)) {
        alert.references.push_back(referenced_identifier(reference));
    }
    alert.expires = read_timestamp(reader, "expires").value_or(model::TimePoint{});
    alert.sequence =
        reader.integer("sequence", Presence::required, 0, 9'007'199'254'740'991LL).value_or(0);
    // A Cancel only ends what is shown; it needs neither a level nor texts.
    const Presence content_presence =
        alert.message_type == MessageType::cancel ? Presence::optional : Presence::required;
    // 0: not on the 警戒レベル scale (an earthquake, a tsunami, stranded commuters).
    alert.level = int(reader.integer("level", content_presence, 0, 5).value_or(0));
    if (const nlohmann::json* infos = reader.array("info", content_presence)) {
        if (infos->empty() && content_presence == Presence::required) {
            reader.fail("info", {"needs at least one language (\"ja\")",
                                 "少なくとも一つの言語（「ja」）が必要です"});
        }
        for (std::size_t index = 0; index < infos->size(); ++index) {
            alert.info.push_back(read_info(
                *document, model::append_pointer(reader.member_pointer("info"), index), errors));
        }
    }
    if (reader.has("area")) {
        model::ObjectReader area(*document, reader.member_pointer("area"), errors, {"areaDesc"});
        alert.area = area.string("areaDesc", Presence::required).value_or("");
    }
    if (const nlohmann::json* shelters = reader.array("shelters", Presence::optional)) {
        for (std::size_t index = 0; index < shelters->size(); ++index) {
            alert.shelters.push_back(read_shelter(
                *document, model::append_pointer(reader.member_pointer("shelters"), index),
                errors));
        }
    }
    if (errors.empty() && alert.expires <= alert.sent) {
        reader.fail("expires", {"\"expires\" must be after \"sent\"",
                                "「expires」は「sent」より後の日時にしてください"});
    }
    if (!errors.empty()) {
        return std::unexpected(std::move(errors));
    }
    return alert;
}

}  // namespace keiji::alert
