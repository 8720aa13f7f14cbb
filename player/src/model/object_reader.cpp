#include "model/object_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace keiji::model {

namespace {

const nlohmann::json* resolve(const nlohmann::json& root, const std::string& pointer) {
    try {
        const nlohmann::json::json_pointer json_pointer(pointer);
        return root.contains(json_pointer) ? &root.at(json_pointer) : nullptr;
    } catch (const nlohmann::json::exception&) {
        return nullptr;
    }
}

std::string describe_type(const nlohmann::json& value) {
    if (value.is_string())
        return "text";
    if (value.is_number())
        return "a number";
    if (value.is_boolean())
        return "true/false";
    if (value.is_null())
        return "null";
    if (value.is_array())
        return "a list [...]";
    return "an object {...}";
}

std::string describe_type_ja(const nlohmann::json& value) {
    if (value.is_string())
        return "文字列";
    if (value.is_number())
        return "数値";
    if (value.is_boolean())
        return "true/false";
    if (value.is_null())
        return "null";
    if (value.is_array())
        return "リスト [...]";
    return "オブジェクト {...}";
}

}  // namespace

ObjectReader::ObjectReader(const JsonDocument& document, std::string pointer, Errors& errors)
    : m_document(document), m_pointer(std::move(pointer)), m_errors(errors) {
    const nlohmann::json* value = resolve(document.root(), m_pointer);
    if (value == nullptr || !value->is_object()) {
        const std::string found = value ? describe_type(*value) : "nothing";
        const std::string found_ja = value ? describe_type_ja(*value) : "何もありません";
        fail_at(m_pointer,
                {fmt::format("expected an object {{...}} here, found {}", found),
                 fmt::format("ここにはオブジェクト {{...}} が必要ですが、{} です", found_ja)});
        return;
    }
    m_object = value;
}

ObjectReader::ObjectReader(const JsonDocument& document, std::string pointer, Errors& errors,
                           const std::vector<std::string_view>& allowed)
    : ObjectReader(document, std::move(pointer), errors) {
    if (m_object == nullptr) {
        return;
    }
    for (const auto& [name, unused] : m_object->items()) {
        if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) {
            continue;
        }
        std::string known;
        for (const auto candidate : allowed) {
            known += known.empty() ? "" : ", ";
            known += candidate;
        }
        m_errors.push_back(
            Error{.where = m_document.location_of_key(append_pointer(m_pointer, name)),
                  .message = {
                      fmt::format("unknown field \"{}\" (a typo?); allowed here: {}", name, known),
                      fmt::format("「{}」という項目はありません(入力ミスでは?)。使える項目: {}",
                                  name, known)}});
    }
}

bool ObjectReader::has(std::string_view name) const {
    return m_object != nullptr && m_object->contains(name);
}

std::string ObjectReader::member_pointer(std::string_view name) const {
    return append_pointer(m_pointer, name);
}

void ObjectReader::fail_at(const std::string& pointer, Message message) {
    m_errors.push_back(
        Error{.where = m_document.location_of(pointer), .message = std::move(message)});
}

void ObjectReader::fail(std::string_view name, Message message) {
    fail_at(member_pointer(name), std::move(message));
}

const nlohmann::json* ObjectReader::member(std::string_view name, Presence presence) {
    if (m_object == nullptr) {
        return nullptr;
    }
    const auto found = m_object->find(name);
    if (found == m_object->end()) {
        if (presence == Presence::required) {
            fail_at(m_pointer, {fmt::format("the required field \"{}\" is missing", name),
                                fmt::format("必須の項目「{}」がありません", name)});
        }
        return nullptr;
    }
    return &*found;
}

std::optional<std::string> ObjectReader::string(std::string_view name, Presence presence) {
    const nlohmann::json* value = member(name, presence);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_string()) {
        fail(name,
             {fmt::format("\"{}\" must be text in double quotes, found {}", name,
                          describe_type(*value)),
              fmt::format("「{}」はダブルクォートで囲んだ文字列にしてください({} になっています)",
                          name, describe_type_ja(*value))});
        return std::nullopt;
    }
    return value->get<std::string>();
}

std::optional<double> ObjectReader::number(std::string_view name, Presence presence, double minimum,
                                           double maximum) {
    const nlohmann::json* value = member(name, presence);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_number()) {
        fail(name, {fmt::format("\"{}\" must be a number without quotes, found {}", name,
                                describe_type(*value)),
                    fmt::format("「{}」は引用符なしの数値にしてください({} になっています)", name,
                                describe_type_ja(*value))});
        return std::nullopt;
    }
    const double number = value->get<double>();
    if (!std::isfinite(number) || number < minimum || number > maximum) {
        fail(name, {fmt::format("\"{}\" must be between {} and {}, found {}", name, minimum,
                                maximum, number),
                    fmt::format("「{}」は {} から {} の間にしてください({} になっています)", name,
                                minimum, maximum, number)});
        return std::nullopt;
    }
    return number;
}

std::optional<long long> ObjectReader::integer(std::string_view name, Presence presence,
                                               long long minimum, long long maximum) {
    const auto number = this->number(name, presence, double(minimum), double(maximum));
    if (!number) {
        return std::nullopt;
    }
    if (std::floor(*number) != *number) {
        fail(name, {fmt::format("\"{}\" must be a whole number, found {}", name, *number),
                    fmt::format("「{}」は整数にしてください({} になっています)", name, *number)});
        return std::nullopt;
    }
    return static_cast<long long>(*number);
}

std::optional<LocalizedText> ObjectReader::text(std::string_view name, Presence presence) {
    const nlohmann::json* value = member(name, presence);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (value->is_string()) {
        return LocalizedText({{"ja", value->get<std::string>()}});
    }
    if (!value->is_object()) {
        fail(name, {fmt::format("\"{}\" must be text per language, like {{\"ja\": \"...\", \"en\": "
                                "\"...\"}}, found {}",
                                name, describe_type(*value)),
                    fmt::format("「{}」は言語ごとの文字列 {{\"ja\": \"...\", \"en\": \"...\"}} "
                                "にしてください({} になっています)",
                                name, describe_type_ja(*value))});
        return std::nullopt;
    }
    std::map<std::string, std::string, std::less<>> texts;
    bool broken = false;
    const std::string pointer = member_pointer(name);
    for (const auto& [language, text] : value->items()) {
        const std::string text_pointer = append_pointer(pointer, language);
        if (!is_known_language_tag(language)) {
            m_errors.push_back(Error{
                .where = m_document.location_of_key(text_pointer),
                .message = {fmt::format("unknown language tag \"{}\"; use ja, ja-x-easy (やさしい"
                                        "日本語), en, zh-Hans, zh-Hant, ko, ...",
                                        language),
                            fmt::format("「{}」は言語タグとして使えません。ja, ja-x-easy(やさしい"
                                        "日本語), en, zh-Hans, zh-Hant, ko などを使ってください",
                                        language)}});
            broken = true;
        } else if (!text.is_string()) {
            fail_at(text_pointer, {"each language's text must be in double quotes",
                                   "各言語の文字列はダブルクォートで囲んでください"});
            broken = true;
        } else {
            texts.emplace(language, text.get<std::string>());
        }
    }
    if (texts.empty() && !broken) {
        fail(name, {fmt::format("\"{}\" has no text in any language", name),
                    fmt::format("「{}」にどの言語の文字列もありません", name)});
        return std::nullopt;
    }
    return broken ? std::nullopt : std::optional<LocalizedText>(LocalizedText(std::move(texts)));
}

const nlohmann::json* ObjectReader::array(std::string_view name, Presence presence) {
    const nlohmann::json* value = member(name, presence);
    if (value == nullptr) {
        return nullptr;
    }
    if (!value->is_array()) {
        fail(name,
             {fmt::format("\"{}\" must be a list [...], found {}", name, describe_type(*value)),
              fmt::format("「{}」はリスト [...] にしてください({} になっています)", name,
                          describe_type_ja(*value))});
        return nullptr;
    }
    return value;
}

}  // namespace keiji::model
