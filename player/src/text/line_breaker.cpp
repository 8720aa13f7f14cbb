#include "text/line_breaker.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace keiji::text {

namespace {

constexpr std::u32string_view no_line_start =
    U")]}）〕〉》」』】〙〗〟’”｠»"
    U"、。，．,.・：；:;！？!?‼⁇⁈⁉"
    U"ヽヾゝゞ々〻ー〜～"
    U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    U"‐゠–%％";

constexpr std::u32string_view no_line_end = U"([{（〔〈《「『【〘〖〝‘“｟«";

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000'; }

// Characters that form words with their neighbours: Latin letters, digits and the punctuation
// inside URLs and numbers ("11:00", "4-20-56", "example.jp/a").
bool is_word_character(char32_t c) {
    if (c < 0x80) {
        return c > U' ';
    }
    return (c >= 0x00C0 && c <= 0x024F) || (c >= 0xFF10 && c <= 0xFF19) ||
           (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}

bool may_break_before(const std::u32string& text, std::size_t i) {
    const char32_t before = text[i - 1];
    const char32_t after = text[i];
    if (is_space(after)) {
        return false;  // Break after the run of spaces, which the break then swallows.
    }
    if (is_space(before)) {
        return true;
    }
    if (is_word_character(before) && is_word_character(after)) {
        return false;
    }
    return !cannot_start_line(after) && !cannot_end_line(before);
}

std::u32string trim_trailing_spaces(std::u32string text) {
    while (!text.empty() && is_space(text.back())) {
        text.pop_back();
    }
    return text;
}

void break_paragraph(const std::u32string& paragraph, int max_width, const FontMetrics& metrics,
                     std::vector<Line>& lines) {
    // Split at every allowed break point into unbreakable segments.
    std::vector<std::u32string> segments;
    std::size_t segment_start = 0;
    for (std::size_t i = 1; i < paragraph.size(); ++i) {
        if (may_break_before(paragraph, i)) {
            segments.push_back(paragraph.substr(segment_start, i - segment_start));
            segment_start = i;
        }
    }
    segments.push_back(paragraph.substr(segment_start));

    std::u32string line;
    const auto flush = [&] {
        std::u32string trimmed = trim_trailing_spaces(line);
        lines.push_back(Line{encode_utf8(trimmed), metrics.width(trimmed)});
        line.clear();
    };
    for (const std::u32string& segment : segments) {
        const std::u32string candidate = line + segment;
        if (metrics.width(trim_trailing_spaces(candidate)) <= max_width) {
            line = candidate;
            continue;
        }
        if (!line.empty()) {
            flush();
        }
        if (metrics.width(trim_trailing_spaces(segment)) <= max_width) {
            line = segment;
            continue;
        }
        // A segment wider than the whole line: cut it by characters, keeping each cut off
        // character that may not start a line with the one before it.
        for (std::size_t k = 0; k < segment.size(); ++k) {
            std::u32string next = line + segment[k];
            if (!line.empty() && metrics.width(next) > max_width && !cannot_start_line(segment[k])) {
                flush();
                next = std::u32string(1, segment[k]);
            }
            line = std::move(next);
        }
    }
    if (!line.empty() || lines.empty()) {
        flush();
    }
}

}  // namespace

bool cannot_start_line(char32_t c) { return no_line_start.find(c) != std::u32string_view::npos; }

bool cannot_end_line(char32_t c) { return no_line_end.find(c) != std::u32string_view::npos; }

std::vector<Line> break_lines(std::string_view text, int max_width, const FontMetrics& metrics) {
    std::vector<Line> lines;
    const std::u32string decoded = decode_utf8(text);
    std::size_t start = 0;
    while (start <= decoded.size()) {
        const std::size_t end = std::min(decoded.find(U'\n', start), decoded.size());
        std::vector<Line> paragraph_lines;
        break_paragraph(decoded.substr(start, end - start), max_width, metrics, paragraph_lines);
        lines.insert(lines.end(), paragraph_lines.begin(), paragraph_lines.end());
        start = end + 1;
    }
    return lines;
}

}  // namespace keiji::text
