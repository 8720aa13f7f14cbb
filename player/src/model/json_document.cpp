#include "model/json_document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <vector>

namespace keiji::model {

std::string append_pointer(const std::string& pointer, std::string_view token) {
    std::string out = pointer + "/";
    for (const char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

std::string append_pointer(const std::string& pointer, std::size_t index) {
    return pointer + "/" + std::to_string(index);
}

namespace {

// An input iterator over the text that remembers how far the parser has read. The SAX handler
// reads that position at each event: at that moment the parser has just finished the token.
class CountingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator(const char* position, const char** furthest)
        : m_position(position), m_furthest(furthest) {}
    reference operator*() const { return *m_position; }
    CountingIterator& operator++() {
        ++m_position;
        *m_furthest = m_position;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const CountingIterator& other) const { return m_position == other.m_position; }

private:
    const char* m_position;
    const char** m_furthest;
};

// Records the JSON pointer and start offset of every value and member name.
class LocationRecorder : public nlohmann::json_sax<nlohmann::json> {
public:
    LocationRecorder(std::string_view text, const char** furthest,
                     std::unordered_map<std::string, std::size_t>& values,
                     std::unordered_map<std::string, std::size_t>& keys)
        : m_text(text), m_furthest(furthest), m_values(values), m_keys(keys) {}

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t&) override { return value(); }
    bool binary(binary_t&) override { return value(); }

    bool start_object(std::size_t) override {
        value();
        m_frames.push_back(Frame{.pointer = m_current_pointer, .is_array = false});
        return true;
    }
    bool end_object() override {
        m_frames.pop_back();
        m_previous_end = offset_now();
        return true;
    }
    bool start_array(std::size_t) override {
        value();
        m_frames.push_back(Frame{.pointer = m_current_pointer, .is_array = true});
        return true;
    }
    bool end_array() override {
        m_frames.pop_back();
        m_previous_end = offset_now();
        return true;
    }
    bool key(string_t& name) override {
        const std::size_t start = token_start();
        Frame& frame = m_frames.back();
        frame.pending_key = name;
        const std::string member = append_pointer(frame.pointer, name);
        if (!frame.seen_keys.insert(name).second) {
            m_duplicates.push_back({member, start});
        }
        m_keys[member] = start;
        m_previous_end = offset_now();
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }

    struct Duplicate {
        std::string pointer;
        std::size_t offset;
    };
    [[nodiscard]] const std::vector<Duplicate>& duplicates() const { return m_duplicates; }

private:
    struct Frame {
        std::string pointer;
        bool is_array = false;
        std::size_t next_index = 0;
        std::string pending_key;
        std::set<std::string> seen_keys;
    };

    std::size_t offset_now() const { return static_cast<std::size_t>(*m_furthest - m_text.data()); }

    // The token that just ended started at the first character after the previous token that is
    // not white space or a separator.
    std::size_t token_start() const {
        std::size_t at = m_previous_end;
        while (at < m_text.size()) {
            const char c = m_text[at];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':') {
                ++at;
            } else {
                break;
            }
        }
        return at;
    }

    bool value() {
        const std::size_t start = token_start();
        if (m_frames.empty()) {
            m_current_pointer.clear();
        } else if (Frame& frame = m_frames.back(); frame.is_array) {
            m_current_pointer = append_pointer(frame.pointer, frame.next_index++);
        } else {
            m_current_pointer = append_pointer(frame.pointer, frame.pending_key);
        }
        m_values[m_current_pointer] = start;
        m_previous_end = offset_now();
        return true;
    }

    std::string_view m_text;
    const char** m_furthest;
    std::unordered_map<std::string, std::size_t>& m_values;
    std::unordered_map<std::string, std::size_t>& m_keys;
    std::vector<Frame> m_frames;
    std::string m_current_pointer;
    std::size_t m_previous_end = 0;
    std::vector<Duplicate> m_duplicates;
};

// nlohmann's messages name parser tokens; staff need to know what to type instead.
Message explain_syntax_error(const std::string& what) {
    const auto has = [&](std::string_view part) { return what.find(part) != std::string::npos; };
    if (has("unexpected end of input")) {
        return {"the file ends too early: a closing } or ] or a quote is missing",
                "ファイルが途中で終わっています。閉じる } か ] または引用符 \" が足りません"};
    }
    if (has("expected '}'") || has("expected ']'")) {
        if (has("unexpected '}'") || has("unexpected ']'")) {
            return {"there is an extra comma before this closing bracket",
                    "閉じかっこの前に余分なコンマ(,)があります"};
        }
        return {"a comma (,) is missing before this point, or a closing } or ] is missing",
                "この位置の前にコンマ(,)がないか、閉じかっこ } か ] が足りません"};
    }
    if (has("expected string literal")) {
        return {"expected a field name in double quotes (an extra comma before '}'?)",
                "ダブルクォートで囲んだ項目名が必要です(} の前に余分なコンマがありませんか)"};
    }
    if (has("expected ':'")) {
        return {"a colon (:) is missing after the field name", "項目名の後にコロン(:)がありません"};
    }
    if (has("invalid literal")) {
        return {
            "text values must be in double quotes \"...\" (true, false and null are the only bare "
            "words)",
            "文字列はダブルクォート \"...\" で囲んでください(囲まずに書けるのは true, false, null "
            "だけです)"};
    }
    if (has("control character")) {
        return {"a line break or tab inside a text value; write it as \\n or \\t",
                "文字列の中に改行またはタブがあります。\\n または \\t と書いてください"};
    }
    if (has("invalid string")) {
        return {"this text value is broken (an unclosed quote or a bad \\ escape)",
                "この文字列が壊れています(引用符が閉じていないか、\\ の使い方が誤っています)"};
    }
    // Keep the parser's own words after its "line x, column y:" prefix as the last resort.
    std::string tail = what;
    if (const auto colon = tail.find(": "); colon != std::string::npos) {
        tail = tail.substr(colon + 2);
    }
    return {"not valid JSON: " + tail, "JSON として正しくありません: " + tail};
}

}  // namespace

std::expected<JsonDocument, Errors> JsonDocument::parse(std::string text, std::string file_name) {
    JsonDocument document;
    document.m_text = std::move(text);
    document.m_line_starts.push_back(0);
    for (std::size_t i = 0; i < document.m_text.size(); ++i) {
        if (document.m_text[i] == '\n') {
            document.m_line_starts.push_back(i + 1);
        }
    }
    document.m_file_name = std::move(file_name);
    const std::string& source = document.m_text;
    if (source.find_first_not_of(" \t\r\n") == std::string::npos) {
        return std::unexpected(Errors{Error{
            .where = document.location_at_offset(0, ""),
            .message = {"the file is empty; a playlist starts with { and lists its \"items\"",
                        "ファイルが空です。プレイリストは { で始まり \"items\" を並べます"}}});
    }

    // nlohmann's parser takes a NUL byte for the end of the text and would read no further:
    // whatever follows (a damaged file, a binary one) would go unseen, and be carried on as it
    // is (a signed alert whose bytes are not even UTF-8).
    if (const std::size_t nul = source.find('\0'); nul != std::string::npos) {
        return std::unexpected(Errors{Error{
            .where = document.location_at_offset(nul, ""),
            .message = {"the file holds a NUL byte here: it is damaged or not a text file; save "
                        "it again as UTF-8 text",
                        "ここに NUL バイトがあります。ファイルが壊れているか、テキストファイルでは"
                        "ありません。UTF-8 のテキストとして保存し直してください"}}});
    }

    try {
        document.m_root = nlohmann::json::parse(source);
    } catch (const nlohmann::json::parse_error& error) {
        // The parser reports the last character it read: the end of the offending token. An
        // editor's cursor belongs at its start, so walk back over a string literal.
        std::size_t offset = std::min(error.byte > 0 ? error.byte - 1 : 0, source.size());
        if (std::string_view(error.what()).find("unexpected string literal") !=
                std::string_view::npos &&
            offset < source.size() && source[offset] == '"') {
            do {
                --offset;
            } while (offset > 0 && (source[offset] != '"' || source[offset - 1] == '\\'));
        }
        return std::unexpected(Errors{Error{.where = document.location_at_offset(offset, ""),
                                            .message = explain_syntax_error(error.what())}});
    } catch (const nlohmann::json::out_of_range& error) {
        // A number beyond what a double holds (1e400): the only out_of_range the parser throws.
        // It names the number but not its place, so find the number in the text.
        const std::string_view what = error.what();
        const std::size_t quote = what.find('\'');
        const std::string_view number = quote == std::string_view::npos
                                            ? ""
                                            : what.substr(quote + 1, what.rfind('\'') - quote - 1);
        const std::size_t offset = number.empty() ? 0 : source.find(number);
        return std::unexpected(Errors{Error{
            .where = document.location_at_offset(offset == std::string::npos ? 0 : offset, ""),
            .message = {"this number is too large to be read", "数値が大きすぎて読み取れません"}}});
    }

    const char* furthest = source.data();
    LocationRecorder recorder(source, &furthest, document.m_value_offsets, document.m_key_offsets);
    nlohmann::json::sax_parse(CountingIterator(source.data(), &furthest),
                              CountingIterator(source.data() + source.size(), &furthest),
                              &recorder);
    if (!recorder.duplicates().empty()) {
        Errors errors;
        for (const auto& duplicate : recorder.duplicates()) {
            errors.push_back(Error{
                .where = document.location_at_offset(duplicate.offset, duplicate.pointer),
                .message = {"this field appears twice in the same object; only one is allowed",
                            "同じ項目が 1 つのオブジェクトに 2 回書かれています"}});
        }
        return std::unexpected(std::move(errors));
    }
    return document;
}

SourceLocation JsonDocument::location_at_offset(std::size_t offset, std::string pointer) const {
    if (m_line_starts.empty()) {
        return SourceLocation{.file = m_file_name, .line = 1, .column = 1, .pointer = pointer};
    }
    offset = std::min(offset, m_text.size());
    // The last line that starts at or before the offset.
    const auto line = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset) - 1;
    SourceLocation where{.file = m_file_name,
                         .line = int(line - m_line_starts.begin()) + 1,
                         .column = 1,
                         .pointer = std::move(pointer)};
    for (std::size_t i = *line; i < offset; ++i) {
        // Count characters, not bytes: a column in 「郡上市」 is what an editor shows.
        if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) {
            ++where.column;
        }
    }
    return where;
}

SourceLocation JsonDocument::location_of(const std::string& pointer) const {
    std::string probe = pointer;
    while (true) {
        if (const auto found = m_value_offsets.find(probe); found != m_value_offsets.end()) {
            return location_at_offset(found->second, pointer);
        }
        if (probe.empty()) {
            return SourceLocation{.file = m_file_name, .line = 1, .column = 1, .pointer = pointer};
        }
        probe.erase(probe.rfind('/'));
    }
}

SourceLocation JsonDocument::location_of_key(const std::string& pointer) const {
    if (const auto found = m_key_offsets.find(pointer); found != m_key_offsets.end()) {
        return location_at_offset(found->second, pointer);
    }
    return location_of(pointer);
}

}  // namespace keiji::model
