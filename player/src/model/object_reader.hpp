#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "model/json_document.hpp"
#include "model/localized_text.hpp"

namespace keiji::model {

enum class Presence { required, optional };

// Reads the members of one JSON object, appending an error with its exact location for every
// problem instead of stopping at the first, so staff see all mistakes of a file in one run.
class ObjectReader {
public:
    // Reports a non-object value, and every member whose name is not in `allowed` (typos such
    // as "titel" are the most common mistake in hand-edited JSON).
    ObjectReader(const JsonDocument& document, std::string pointer, Errors& errors,
                 const std::vector<std::string_view>& allowed);
    // Reads members without checking their names (another reader of the same object does that).
    ObjectReader(const JsonDocument& document, std::string pointer, Errors& errors);

    // A reader of the object at `pointer` in the same document, reporting to the same list.
    [[nodiscard]] ObjectReader child(std::string pointer,
                                     const std::vector<std::string_view>& allowed) const {
        return ObjectReader(m_document, std::move(pointer), m_errors, allowed);
    }

    [[nodiscard]] bool is_object() const { return m_object != nullptr; }
    [[nodiscard]] bool has(std::string_view name) const;
    [[nodiscard]] std::string member_pointer(std::string_view name) const;

    [[nodiscard]] std::optional<std::string> string(std::string_view name, Presence presence);
    [[nodiscard]] std::optional<bool> boolean(std::string_view name, Presence presence);
    [[nodiscard]] std::optional<double> number(std::string_view name, Presence presence,
                                               double minimum, double maximum);
    [[nodiscard]] std::optional<long long> integer(std::string_view name, Presence presence,
                                                   long long minimum, long long maximum);
    // A localized text map, {"ja": "...", "en": "..."}; a plain string is taken as Japanese.
    [[nodiscard]] std::optional<LocalizedText> text(std::string_view name, Presence presence);
    // The array member, or nullptr (with an error when it is required or not an array).
    [[nodiscard]] const nlohmann::json* array(std::string_view name, Presence presence);

    // Appends an error located at the member's value.
    void fail(std::string_view name, Message message);
    void fail_at(const std::string& pointer, Message message);

private:
    const nlohmann::json* member(std::string_view name, Presence presence);
    void report_missing(std::string_view name);

    const JsonDocument& m_document;
    std::string m_pointer;
    Errors& m_errors;
    const nlohmann::json* m_object = nullptr;
    bool m_allowed_known = false;        // Constructed with the names allowed here.
    std::vector<std::string> m_unknown;  // The members not among them.
};

// The allowed name `written` is most likely a slip for (one or two edits, or case), if any.
[[nodiscard]] std::optional<std::string_view> closest_name(
    std::string_view written, const std::vector<std::string_view>& names);

}  // namespace keiji::model
