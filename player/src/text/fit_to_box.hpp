#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/break_opportunities.hpp"
#include "text/font_metrics.hpp"
#include "text/line_breaker.hpp"

namespace keiji::text {

// Whether a size may be chosen at which a phrase wider than the line is cut between characters.
// Titles avoid it (宗谷版ワーキングホ|リデー reads badly in display type) by shrinking up to a
// quarter; body text keeps its size, since there a cut is the lesser evil.
enum class PhraseCuts { allowed, avoided };

struct FitRequest {
    int width = 0;  // The box, in pixels.
    int height = 0;
    int preferred_size = 32;  // Font size in pixels the text is set at when it fits.
    int min_size = 16;        // The text shrinks down to this size, no further.
    Script script = Script::japanese;
    PhraseCuts phrase_cuts = PhraseCuts::allowed;
};

struct FitResult {
    int size = 0;           // The font size chosen.
    int ruby_size = 0;      // The ruby's font size (half of size).
    int line_height = 0;    // Baseline to baseline.
    int ruby_reserve = 0;   // Pixels above the first line kept for its ruby (0 without ruby).
    int height = 0;         // Pixels the lines need from the top of the box.
    bool overflow = false;  // Even at min_size the text is taller or wider than the box.
    std::vector<Line> lines;
    std::u32string missing_glyphs;  // Characters no font has (each once, in text order).
};

// Sets `text` (with "\n" and ruby notation, see break_lines) in the box: at the preferred size if
// it fits, else at the largest size, in steps of about 5 %, down to min_size that fits. When not
// even min_size fits the result is laid out at min_size with overflow set, so callers can both
// draw something and report the problem. Ruby is set at half size above its base.
[[nodiscard]] FitResult fit_to_box(std::string_view text, const FitRequest& request,
                                   const ScalableFont& font);

// The same at exactly `size`, never shrinking; overflow says whether it fits.
[[nodiscard]] FitResult layout_at_size(std::string_view text, const FitRequest& request, int size,
                                       const ScalableFont& font);

}  // namespace keiji::text
