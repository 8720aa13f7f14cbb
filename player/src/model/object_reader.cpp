#include "model/object_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <vector>

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

// Damerau–Levenshtein distance (insertions, deletions, substitutions and swaps of neighbours),
// ignoring case: "titel" is 1 from "title", "Type" 0 from "type".
std::size_t spelling_distance(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= b.size(); ++j) {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1])) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

// Whether `written` is plausibly a slip of the keyboard for `meant`: one edit for short names,
// two for longer ones, or only a difference of case.
bool looks_like_typo_of(std::string_view written, std::string_view meant) {
    if (written == meant || meant.empty()) {
        return false;
    }
    const std::size_t allowed = meant.size() <= 4 ? 1 : 2;
    return spelling_distance(written, meant) <= allowed;
}

}  // namespace

std::optional<std::string_view> closest_name(std::string_view written,
                                             const std::vector<std::string_view>& names) {
    std::optional<std::string_view> best;
    std::size_t best_distance = SIZE_MAX;
    for (const std::string_view name : names) {
        if (looks_like_typo_of(written, name)) {
            if (const std::size_t distance = spelling_distance(written, name);
                distance < best_distance) {
                best = name;
                best_distance = distance;
            }
        }
    }
    return best;
}

Message typo_message(std::string_view written, std::string_view meant) {
    return {fmt::format("unknown field \"{}\" (a typo for \"{}\"?)", written, meant),
            fmt::format("「{}」という項目はありません(「{}」の入力ミスでは?)", written, meant)};
}

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
    m_allowed_known = true;
    for (const auto& [name, unused] : m_object->items()) {
        if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) {
            continue;
        }
        m_unknown.push_back(name);
        const SourceLocation where = m_document.location_of_key(append_pointer(m_pointer, name));
        // The best guess when there is one ("titel" → "title"), else every name allowed here.
        if (const auto meant = closest_name(name, allowed)) {
            m_errors.push_back(Error{.where = where, .message = typo_message(name, *meant)});
            continue;
        }
        std::string known;
        for (const auto candidate : allowed) {
            known += known.empty() ? "" : ", ";
            known += candidate;
        }
        m_errors.push_back(
            Error{.where = where,
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

void ObjectReader::report_missing(std::string_view name) {
    // A member that looks like a slip for it is the mistake to point at: "typex" for "type".
    for (const auto& [written, unused] : m_object->items()) {
        const bool unknown =
            !m_allowed_known || std::ranges::find(m_unknown, written) != m_unknown.end();
        if (unknown && looks_like_typo_of(written, name)) {
            if (!m_allowed_known) {  // Otherwise the constructor has reported it already.
                m_errors.push_back(
                    Error{.where = m_document.location_of_key(append_pointer(m_pointer, written)),
                          .message = typo_message(written, name)});
            }
            return;
        }
    }
    fail_at(m_pointer, {fmt::format("the required field \"{}\" is missing", name),
                        fmt::format("必須の項目「{}」がありません", name)});
}

const nlohmann::json* ObjectReader::member(std::string_view name, Presence presence) {
    if (m_object == nullptr) {
        return nullptr;
    }
    const auto found = m_object->find(name);
    if (found == m_object->end()) {
        if (presence == Presence::required) {
            report_missing(name);
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

std::optional<bool> ObjectReader::boolean(std::string_view name, Presence presence) {
    const nlohmann::json* value = member(name, presence);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_boolean()) {
        fail(name,
             {fmt::format("\"{}\" must be true or false without quotes, found {}", name,
                          describe_type(*value)),
              fmt::format("「{}」は引用符なしの true か false にしてください({} になっています)",
                          name, describe_type_ja(*value))});
        return std::nullopt;
    }
    return value->get<bool>();
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
