#include "text/break_opportunities.hpp"

// libunibreak, not ICU: it is a small C library (Debian libunibreak-dev) that implements exactly
// UAX #14 with the Japanese "strict" treatment of small kana (class CJ resolved to NS), which is
// all this module needs from Unicode. ICU's break iterators would bring ~30 MB of data to a
// Raspberry Pi for dictionary-based segmentation that BudouX already does better for Japanese.
#include <linebreak.h>

#include <algorithm>
#include <mutex>

#include "text/kinsoku.hpp"
#include "text/phrase_segmenter.hpp"

namespace keiji::text {

namespace {

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\u3000';
}

bool is_digit(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
}

bool is_fullwidth_alphanumeric(char32_t c) {
    return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
           (c >= 0xFF41 && c <= 0xFF5A);
}

// Characters that stick to their neighbours: Latin letters, digits, and every visible ASCII
// character, so that words, "11:00", "4-20-56", "1,845" and URLs are never cut inside.
bool is_word_character(char32_t c) {
    if (c < 0x80) {
        return c > U' ' && c != 0x7F;
    }
    return (c >= 0x00C0 && c <= 0x024F) || is_fullwidth_alphanumeric(c) ||
           (c >= 0x0370 && c <= 0x03FF) || (c >= 0x0400 && c <= 0x04FF);
}

// A full-width number's own punctuation: "２０．３６", "１１：００", "１，８４５".
bool is_fullwidth_number_punctuation(char32_t c) {
    return c == U'．' || c == U'：' || c == U'，' || c == U'－' || c == U'／';
}

// A number and its unit or counter read as one word: 10日, 20.36㎢, 1,845億円, 15,000本, 8.4%,
// 5キロ, 3つ. Particles after a number (10日から, 56です) are ordinary phrase material.
bool joins_number_and_unit(char32_t before, char32_t after) {
    const bool unit = is_kanji(after) || (after >= 0x30A1 && after <= 0x30FA) ||
                      (after >= 0x3300 && after <= 0x33FF) || after == U'%' || after == U'％' ||
                      after == U'℃' || after == U'つ';
    return is_digit(before) && unit;
}

// Keeps 10〜11日 and 11:00～16:00 together: a range is one number to the reader.
bool joins_range(const std::u32string& text, std::size_t i) {
    const char32_t before = text[i - 1];
    const char32_t after = text[i];
    const bool wave = [](char32_t c) { return c == U'〜' || c == U'～'; }(before);
    return wave && is_digit(after);
}

// Full-width opening brackets: in Japanese a line may begin with one even right after a number
// ("03-3578-2509" | "（平日）"), where UAX #14 keeps a number and an opening bracket together
// for the sake of "f(x)".
bool is_fullwidth_opening(char32_t c) {
    return std::u32string_view(U"（〔［｛〈《「『【〘〖〝").find(c) != std::u32string_view::npos;
}

bool is_closing_bracket(char32_t c) {
    return std::u32string_view(U"）〕］｝〉》」』】〙〗〟)]}").find(c) != std::u32string_view::npos;
}

// A short bracketed group, （平日） or 「窓口」, reads as one unit: a phrase boundary inside it
// is only a character break, so lines prefer to turn before or after the group.
void keep_short_groups(const std::u32string& text, std::vector<BreakClass>& classes) {
    constexpr std::size_t longest_group = 10;
    for (std::size_t open = 0; open < text.size(); ++open) {
        if (!is_fullwidth_opening(text[open]) &&
            std::u32string_view(U"([{").find(text[open]) == std::u32string_view::npos) {
            continue;
        }
        for (std::size_t close = open + 1; close < text.size() && close <= open + longest_group;
             ++close) {
            if (is_closing_bracket(text[close])) {
                for (std::size_t i = open + 1; i <= close; ++i) {
                    if (classes[i] == BreakClass::phrase) {
                        classes[i] = BreakClass::character;
                    }
                }
                break;
            }
        }
    }
}

std::vector<char> unicode_breaks(const std::u32string& text, Script script) {
    static std::once_flag initialised;
    std::call_once(initialised, [] { init_linebreak(); });
    const char* language = script == Script::japanese  ? "ja"
                           : script == Script::chinese ? "zh"
                           : script == Script::korean  ? "ko"
                                                       : "en";
    std::vector<char> breaks(text.size());
    // libunibreak reads U+FFFF as its end-of-text mark and then fails an assertion that aborts
    // the player. A noncharacter has no line-breaking properties of its own, so it is measured
    // as U+FFFD; the text that is drawn is not changed.
    std::u32string safe = text;
    std::ranges::replace(safe, U'\uFFFF', U'\uFFFD');
    static_assert(sizeof(char32_t) == sizeof(utf32_t));
    set_linebreaks_utf32(reinterpret_cast<const utf32_t*>(safe.data()), safe.size(), language,
                         breaks.data());
    return breaks;
}

}  // namespace

Script script_of_language(std::string_view language_tag) {
    const auto starts = [&](std::string_view prefix) {
        return language_tag.starts_with(prefix) &&
               (language_tag.size() == prefix.size() || language_tag[prefix.size()] == '-');
    };
    if (language_tag.empty() || starts("ja")) {
        return Script::japanese;
    }
    if (starts("zh")) {
        return Script::chinese;
    }
    if (starts("ko")) {
        return Script::korean;
    }
    return Script::other;
}

std::vector<BreakClass> break_classes(const AnnotatedText& text, Script script) {
    const std::u32string& base = text.base;
    std::vector<BreakClass> classes(base.size(), BreakClass::never);
    if (base.size() < 2) {
        return classes;
    }
    const std::vector<char> unicode = unicode_breaks(base, script);
    for (std::size_t i = 1; i < base.size(); ++i) {
        const char32_t before = base[i - 1];
        const char32_t after = base[i];
        if (is_space(after)) {
            continue;  // Break after the run of spaces, which the break then swallows.
        }
        if (is_space(before)) {
            classes[i] = BreakClass::phrase;
            continue;
        }
        const bool allowed_by_unicode =
            unicode[i - 1] == LINEBREAK_ALLOWBREAK || unicode[i - 1] == LINEBREAK_MUSTBREAK ||
            (script == Script::japanese && is_fullwidth_opening(after) &&
             !is_fullwidth_opening(before));
        const bool in_word = is_word_character(before) && is_word_character(after);
        const bool in_fullwidth_number =
            (is_digit(before) || is_fullwidth_number_punctuation(before)) && is_digit(after) &&
            (is_digit(before) || (i >= 2 && is_digit(base[i - 2])));
        const bool kinsoku = cannot_start_line(after) || cannot_end_line(before) ||
                             inseparable(before, after) || (before == U'第' && is_digit(after));
        if (!allowed_by_unicode || in_word || in_fullwidth_number || kinsoku ||
            joins_number_and_unit(before, after) || joins_range(base, i)) {
            continue;
        }
        classes[i] = BreakClass::character;
    }
    // A ruby base is one unit: its reading spans it.
    for (const RubySpan& span : text.ruby) {
        for (std::size_t i = span.begin + 1; i < span.end && i < classes.size(); ++i) {
            classes[i] = BreakClass::never;
        }
    }
    if (script == Script::japanese) {
        for (const std::size_t i : PhraseSegmenter::japanese().boundaries(base)) {
            if (classes[i] == BreakClass::character) {
                classes[i] = BreakClass::phrase;
            }
        }
        keep_short_groups(base, classes);
    } else if (script == Script::chinese) {
        // Chinese is set without phrase breaking: any break Unicode allows is a normal one.
        for (BreakClass& c : classes) {
            if (c == BreakClass::character) {
                c = BreakClass::phrase;
            }
        }
    }
    // Korean and Latin text turn lines at spaces (Korean keep-all); breaks inside their words
    // stay the character fallback.
    return classes;
}

}  // namespace keiji::text
