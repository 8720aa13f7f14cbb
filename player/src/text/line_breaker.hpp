#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/break_opportunities.hpp"
#include "text/font_metrics.hpp"
#include "text/ruby.hpp"

namespace keiji::text {

// A stretch of one line drawn as one unit: plain text, or a ruby base with its reading.
struct Piece {
    std::u32string base;
    std::u32string ruby;  // Empty for plain text.
    int width = 0;        // Advance in pixels; a ruby piece is as wide as its wider part.
};

struct Line {
    std::string text;  // UTF-8 base text, without ruby and without the spaces a break swallowed.
    int width = 0;     // Pixels: the sum of the pieces' widths, hanging punctuation included.
    int hanging = 0;   // Pixels of 、。 hanging past max_width (ぶら下げ); 0 when none.
    bool splits_phrase = false;  // The line ends inside a phrase that was wider than the line.
    std::vector<Piece> pieces;
};

// The fonts layout measures with: the text's, and the ruby's (about half size). Without ruby
// metrics a reading does not widen its base.
struct LineFonts {
    const FontMetrics& base;
    const FontMetrics* ruby = nullptr;
};

// Breaks `text` into lines no wider than `max_width`.
// - Explicit "\n" always breaks; Aozora ruby notation (see ruby.hpp) is read, never printed.
// - Lines turn between phrases (BudouX for Japanese, spaces for Latin and Korean) when the next
//   phrase does not fit; a phrase wider than a whole line is broken between characters.
// - Kinsoku (JLREQ strict) always holds, words, numbers with units, URLs and ruby bases stay
//   whole; only a single unit wider than the line is cut, obeying kinsoku where it can.
// - 、。 at the end of a line may hang past max_width (reported in Line::hanging).
[[nodiscard]] std::vector<Line> break_lines(std::string_view text, int max_width, LineFonts fonts,
                                            Script script = Script::japanese);
[[nodiscard]] std::vector<Line> break_lines(std::string_view text, int max_width,
                                            const FontMetrics& metrics,
                                            Script script = Script::japanese);

}  // namespace keiji::text
