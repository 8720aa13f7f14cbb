#pragma once

#include <cstddef>
#include <expected>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/error.hpp"

namespace keiji::model {

// A parsed JSON document that still knows where each of its values came from, so that every
// later check can report "file:line:col" for a JSON pointer. nlohmann/json does the parsing;
// a second, SAX pass records the byte offset of every value and member name.
class JsonDocument {
public:
    // Parses `text`. On a syntax error returns the error with its line and column and a message a
    // non-programmer can act on. Duplicate member names are syntax errors too: the last one would
    // silently win, which is never what an editor meant.
    [[nodiscard]] static std::expected<JsonDocument, Errors> parse(std::string text,
                                                                   std::string file_name);

    [[nodiscard]] const nlohmann::json& root() const { return m_root; }
    [[nodiscard]] const std::string& file_name() const { return m_file_name; }

    // Where the value at `pointer` starts. Falls back to the nearest parent that is known.
    [[nodiscard]] SourceLocation location_of(const std::string& pointer) const;
    // Where the member name that leads to `pointer` starts (for "unknown field" errors).
    [[nodiscard]] SourceLocation location_of_key(const std::string& pointer) const;

    // Converts a byte offset into the text into a 1-based line and character column.
    [[nodiscard]] SourceLocation location_at_offset(std::size_t offset, std::string pointer) const;

private:
    JsonDocument() = default;

    std::string m_text;
    std::string m_file_name;
    // Where each line starts in m_text: a location is found by a binary search and a count
    // within its line, not a scan from the start (which made loading 5,000 items take seconds).
    std::vector<std::size_t> m_line_starts;
    nlohmann::json m_root;
    std::unordered_map<std::string, std::size_t> m_value_offsets;
    std::unordered_map<std::string, std::size_t> m_key_offsets;
};

// Appends an RFC 6901 reference token to a JSON pointer ("~" and "/" are escaped).
[[nodiscard]] std::string append_pointer(const std::string& pointer, std::string_view token);
[[nodiscard]] std::string append_pointer(const std::string& pointer, std::size_t index);

}  // namespace keiji::model
