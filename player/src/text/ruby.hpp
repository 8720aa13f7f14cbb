#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace keiji::text {

// Ruby (furigana) over [begin, end) of the base text.
struct RubySpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::u32string ruby;
};

// Text with its ruby notation taken out: what is drawn on the line, and what goes above it.
struct AnnotatedText {
    std::u32string base;
    std::vector<RubySpan> ruby;  // Ascending, not overlapping, never empty spans.
};

// Reads the Aozora Bunko ruby notation that Japanese editors know:
//   漢字《かんじ》        the base is the run of kanji (and 々〆ヶ) right before 《
//   ｜港区役所《みなとくやくしょ》  an explicit base after ｜ (ASCII | too), for any characters
// In the implicit form the reading must be kana (with ー and spaces): this keeps 《》 used as
// title brackets (《基本政策3》, common in ward documents) as literal text. Anything that is not
// well-formed notation (no base, no closing 》, empty reading) stays in the text as written, so
// a typo shows up on screen instead of text silently disappearing.
[[nodiscard]] AnnotatedText parse_ruby(std::u32string_view text);

// True for the characters an implicit ruby base is made of.
[[nodiscard]] bool is_kanji(char32_t c);

}  // namespace keiji::text
