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

    // How a break inside an over-long phrase is chosen, best first. A tier is taken when its
    // last fitting break fills at least half of the line (or when no better tier has one).
    enum class Tier {
        between_units,    // An allowed break outside brackets: 03-3578-2509 | （平日）.
        inside_brackets,  // An allowed break inside a bracketed group.
        inside_address,   // Inside a URL or e-mail: only after / . ? & - (as typesetters do).
        keeping_kinsoku,  // Anywhere kinsoku allows: a unit wider than the line.
        anywhere,         // Anywhere but inside a ruby base: a run with no legal break.
    };

    [[nodiscard]] bool in_tier(std::size_t i, Tier tier, const std::vector<int>& depth) const {
        switch (tier) {
            case Tier::between_units:
                return m_classes[i] != BreakClass::never && depth[i] == 0;
            case Tier::inside_brackets:
                return m_classes[i] != BreakClass::never;
            case Tier::inside_address:
                return is_address_break(i);
            case Tier::keeping_kinsoku:
                return acceptable_forced_break(i);
            case Tier::anywhere:
                return !inside_ruby_base(i);
        }
        return false;
    }

    // After / . ? & - inside a run of word characters: a URL, an e-mail, a file name.
    [[nodiscard]] bool is_address_break(std::size_t i) const {
        const char32_t before = m_text.base[i - 1];
        const char32_t after = m_text.base[i];
        const bool word_after = after > U' ' && after < 0x7F;
        return word_after &&
               std::u32string_view(U"/.?&-").find(before) != std::u32string_view::npos &&
               !inside_ruby_base(i);
    }

    // For each position of [begin, end), how many brackets are open before it.
    [[nodiscard]] std::vector<int> bracket_depths(std::size_t begin, std::size_t end) const {
        std::vector<int> depth(m_text.base.size() + 1, 0);
        int open = 0;
        for (std::size_t i = begin; i < end; ++i) {
            depth[i] = open;
            const char32_t c = m_text.base[i];
            if (cannot_end_line(c)) {
                ++open;  // Opening brackets and quotes: （「『【〔［｛〈《“‘(
            } else if (cannot_start_line(c) && open > 0 &&
                       std::u32string_view(U"）」』】〕］｝〉》”’)").find(c) !=
                           std::u32string_view::npos) {
                --open;
            }
        }
        return depth;
    }

    // The best place to cut [begin, end), which does not fit on one line.
    [[nodiscard]] std::size_t choose_break(std::size_t begin, std::size_t end) const {
        const std::vector<int> depth = bracket_depths(begin, end);
        std::size_t fallback = 0;
        for (const Tier tier : {Tier::between_units, Tier::inside_brackets, Tier::inside_address,
                                Tier::keeping_kinsoku, Tier::anywhere}) {
            std::size_t best = 0;
            std::size_t best_script_change = 0;
            for (std::size_t i = begin + 1; i < end && fits(begin, i); ++i) {
                if (in_tier(i, tier, depth)) {
                    best = i;
                    if (tier <= Tier::inside_brackets &&
                        kind_of(m_text.base[i - 1]) != kind_of(m_text.base[i])) {
                        best_script_change = i;
                    }
                }
            }
            // Inside a long compound the change of script is the word boundary a reader sees
            // (区立|プラタナス|公園): take it when it still fills half of the line.
            if (best_script_change != 0 && 2 * width(begin, best_script_change) >= m_max_width) {
                best = best_script_change;
            }
            if (best == 0) {
                continue;
            }
            if (2 * width(begin, best) >= m_max_width || token_fits_alone(best, end)) {
                return best;
            }
            if (fallback == 0) {
                fallback = best;
            }
        }
        if (fallback != 0) {
            return fallback;
        }
        // Not even one character (or ruby base) fits: show it anyway; fit-to-box reports the
        // overflow.
        std::size_t first = begin + 1;
        while (first < end && inside_ruby_base(first)) {
            ++first;
        }
        return first;
    }

    // Whether the unit that starts at `at` (up to the next allowed break) fits on a line of its
    // own: then it moves there whole rather than being split (a phone number with its closing
    // bracket, a network name, an e-mail address).
    [[nodiscard]] bool token_fits_alone(std::size_t at, std::size_t end) const {
        std::size_t next = at + 1;
        while (next < end && m_classes[next] == BreakClass::never) {
            ++next;
        }
        return fits(at, next);
    }

    // Emits full lines out of [begin, end) and returns where the last, partial line starts.
    std::size_t break_long_phrase(std::size_t begin, std::size_t end, std::vector<Line>& lines) {
        while (!fits(begin, end)) {
            const std::size_t best = choose_break(begin, end);
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
