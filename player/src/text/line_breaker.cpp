#include "text/line_breaker.hpp"

#include <algorithm>

#include "text/kinsoku.hpp"
#include "text/ruby.hpp"
#include "text/utf8.hpp"

namespace keiji::text {

namespace {

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\u3000';
}

// Coarse script of a character, to find where a long compound changes script.
enum class CharKind { kanji, hiragana, katakana, latin, other };

CharKind kind_of(char32_t c) {
    if (is_kanji(c)) {
        return CharKind::kanji;
    }
    if (c >= 0x3041 && c <= 0x309F) {
        return CharKind::hiragana;
    }
    if ((c >= 0x30A0 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F)) {
        return CharKind::katakana;
    }
    if (c < 0x250 || (c >= 0xFF10 && c <= 0xFF5A)) {
        return CharKind::latin;
    }
    return CharKind::other;
}

// Lays out one paragraph (no "\n") greedily, phrase by phrase.
class ParagraphBreaker {
public:
    ParagraphBreaker(const AnnotatedText& text, Script script, int max_width, LineFonts fonts)
        : m_text(text),
          m_classes(break_classes(text, script)),
          m_max_width(max_width),
          m_fonts(fonts) {}

    void run(std::vector<Line>& lines) {
        const std::size_t size = m_text.base.size();
        std::size_t line_start = 0;
        std::size_t line_end = 0;  // End of the phrases accepted on the current line.
        for (std::size_t end = 1; end <= size; ++end) {
            if (end < size && m_classes[end] != BreakClass::phrase) {
                continue;
            }
            if (fits(line_start, end)) {
                line_end = end;
                continue;
            }
            if (line_end > line_start && fits(line_end, end)) {
                lines.push_back(make_line(line_start, line_end));
                line_start = line_end;
                line_end = end;
                continue;
            }
            // One phrase wider than a whole line: fall back to breaks between its characters,
            // starting on the current line so that it is not left short ("地元の" alone).
            line_start = break_long_phrase(line_start, end, lines);
            line_end = end;
        }
        // The rest is never empty (break_long_phrase leaves a non-empty tail), except for an
        // empty paragraph, which is an empty line.
        lines.push_back(make_line(line_start, size));
    }

private:
    // [begin, end) without the spaces a break at `end` swallows.
    [[nodiscard]] std::size_t trimmed_end(std::size_t begin, std::size_t end) const {
        while (end > begin && is_space(m_text.base[end - 1])) {
            --end;
        }
        return end;
    }

    [[nodiscard]] std::vector<Piece> pieces(std::size_t begin, std::size_t end) const {
        std::vector<Piece> out;
        std::size_t at = begin;
        const auto add_plain = [&](std::size_t until) {
            if (until > at) {
                Piece piece{m_text.base.substr(at, until - at), {}, 0};
                piece.width = m_fonts.base.width(piece.base);
                out.push_back(std::move(piece));
                at = until;
            }
        };
        for (const RubySpan& span : m_text.ruby) {
            if (span.end <= begin || span.begin >= end) {
                continue;
            }
            if (span.begin < begin || span.end > end) {
                continue;  // A base cut by a last-resort break loses its reading: drawn plain.
            }
            add_plain(span.begin);
            Piece piece{m_text.base.substr(span.begin, span.end - span.begin), span.ruby, 0};
            const int ruby_width = m_fonts.ruby != nullptr ? m_fonts.ruby->width(span.ruby) : 0;
            piece.width = std::max(m_fonts.base.width(piece.base), ruby_width);
            out.push_back(std::move(piece));
            at = span.end;
        }
        add_plain(end);
        return out;
    }

    [[nodiscard]] int width(std::size_t begin, std::size_t end) const {
        int total = 0;
        for (const Piece& piece : pieces(begin, end)) {
            total += piece.width;
        }
        return total;
    }

    // Whether [begin, end) fits on a line; 、。 at its end may hang past the edge.
    [[nodiscard]] bool fits(std::size_t begin, std::size_t end) const {
        end = trimmed_end(begin, end);
        if (width(begin, end) <= m_max_width) {
            return true;
        }
        return end - begin >= 2 && may_hang(m_text.base[end - 1]) &&
               width(begin, end - 1) <= m_max_width;
    }

    [[nodiscard]] Line make_line(std::size_t begin, std::size_t end) const {
        end = trimmed_end(begin, end);
        Line line;
        line.text = encode_utf8(std::u32string_view(m_text.base).substr(begin, end - begin));
        line.pieces = pieces(begin, end);
        for (const Piece& piece : line.pieces) {
            line.width += piece.width;
        }
        if (line.width > m_max_width && end > begin && may_hang(m_text.base[end - 1])) {
            line.hanging = line.width - width(begin, end - 1);
        }
        return line;
    }

    // Whether a last-resort break before `i` keeps kinsoku and ruby bases intact.
    [[nodiscard]] bool acceptable_forced_break(std::size_t i) const {
        const char32_t before = m_text.base[i - 1];
        const char32_t after = m_text.base[i];
        if (cannot_start_line(after) || cannot_end_line(before) || inseparable(before, after)) {
            return false;
        }
        return !inside_ruby_base(i);
    }

    [[nodiscard]] bool inside_ruby_base(std::size_t i) const {
        return std::any_of(m_text.ruby.begin(), m_text.ruby.end(),
                           [&](const RubySpan& span) { return span.begin < i && i < span.end; });
    }

    // Emits full lines out of [begin, end) and returns where the last, partial line starts.
    std::size_t break_long_phrase(std::size_t begin, std::size_t end, std::vector<Line>& lines) {
        while (!fits(begin, end)) {
            std::size_t best = 0;
            std::size_t best_script_change = 0;
            // Prefer the last allowed character break that fits, then the last break that keeps
            // kinsoku, and cut anywhere only when a single unit is wider than the line.
            for (int strictness = 0; strictness < 3 && best == 0; ++strictness) {
                for (std::size_t i = begin + 1; i < end; ++i) {
                    const bool allowed = strictness == 0   ? m_classes[i] != BreakClass::never
                                         : strictness == 1 ? acceptable_forced_break(i)
                                                           : !inside_ruby_base(i);
                    if (!fits(begin, i)) {
                        break;
                    }
                    if (allowed) {
                        best = i;
                        if (strictness == 0 &&
                            kind_of(m_text.base[i - 1]) != kind_of(m_text.base[i])) {
                            best_script_change = i;
                        }
                    }
                }
            }
            // Inside a long compound the change of script is the word boundary a reader sees
            // (区立|プラタナス|公園): take it when it still fills half of the line.
            if (best_script_change != 0 && 2 * width(begin, best_script_change) >= m_max_width) {
                best = best_script_change;
            }
            if (best == 0) {
                // Not even one character (or ruby base) fits: show it anyway; fit-to-box
                // reports the overflow.
                best = begin + 1;
                while (best < end && inside_ruby_base(best)) {
                    ++best;
                }
            }
            lines.push_back(make_line(begin, best));
            lines.back().splits_phrase = true;
            begin = best;
        }
        return begin;
    }

    const AnnotatedText& m_text;
    std::vector<BreakClass> m_classes;
    int m_max_width;
    LineFonts m_fonts;
};

}  // namespace

std::vector<Line> break_lines(std::string_view text, int max_width, LineFonts fonts,
                              Script script) {
    std::vector<Line> lines;
    const std::u32string decoded = decode_utf8(text);
    std::size_t start = 0;
    while (start <= decoded.size()) {
        const std::size_t end = std::min(decoded.find(U'\n', start), decoded.size());
        const AnnotatedText paragraph =
            parse_ruby(std::u32string_view(decoded).substr(start, end - start));
        ParagraphBreaker(paragraph, script, max_width, fonts).run(lines);
        start = end + 1;
    }
    return lines;
}

std::vector<Line> break_lines(std::string_view text, int max_width, const FontMetrics& metrics,
                              Script script) {
    return break_lines(text, max_width, LineFonts{metrics, nullptr}, script);
}

}  // namespace keiji::text
