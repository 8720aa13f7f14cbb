#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/font_metrics.hpp"

namespace keiji::text {

struct Line {
    std::string text;  // UTF-8, without the white space a break swallowed.
    int width = 0;     // Pixels, as measured by the FontMetrics.
};

// Breaks `text` into lines no wider than `max_width`. Explicit "\n" always breaks. Breaks fall
// between Japanese characters (obeying the basic kinsoku rules: no line starts with closing
// punctuation or small kana, none ends with an opening bracket) and at spaces between Latin
// words; a Latin word or number is kept whole unless it alone is wider than the line.
// This is the first breaker; phrase-aware breaking (BudouX) replaces the choice of points.
[[nodiscard]] std::vector<Line> break_lines(std::string_view text, int max_width,
                                            const FontMetrics& metrics);

// True when no line may start with `c` (closing brackets, 、。, small kana, ー, ...).
[[nodiscard]] bool cannot_start_line(char32_t c);
// True when no line may end with `c` (opening brackets).
[[nodiscard]] bool cannot_end_line(char32_t c);

}  // namespace keiji::text
