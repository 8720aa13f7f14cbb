#include "text/fit_to_box.hpp"

#include <algorithm>
#include <optional>

#include "text/ruby.hpp"
#include "text/utf8.hpp"

namespace keiji::text {

namespace {

bool has_ruby(const std::vector<Line>& lines) {
    return std::any_of(lines.begin(), lines.end(), [](const Line& line) {
        return std::any_of(line.pieces.begin(), line.pieces.end(),
                           [](const Piece& piece) { return !piece.ruby.empty(); });
    });
}

std::u32string missing_glyphs(const std::vector<Line>& lines, const FontMetrics& metrics) {
    std::u32string missing;
    const auto check = [&](std::u32string_view text) {
        for (const char32_t c : text) {
            if (c > U' ' && c != U'\u3000' && !metrics.has_glyph(c) &&
                missing.find(c) == std::u32string::npos) {
                missing.push_back(c);
            }
        }
    };
    for (const Line& line : lines) {
        for (const Piece& piece : line.pieces) {
            check(piece.base);
            check(piece.ruby);
        }
    }
    return missing;
}

}  // namespace

FitResult layout_at_size(std::string_view text, const FitRequest& request, int size,
                         const ScalableFont& font) {
    size = std::max(size, 1);
    const auto metrics = font.at_size(size);
    FitResult result;
    result.size = size;
    result.ruby_size = std::max(1, size / 2);
    const auto ruby_metrics = font.at_size(result.ruby_size);
    result.lines =
        break_lines(text, request.width, LineFonts{*metrics, ruby_metrics.get()}, request.script);
    result.line_height = metrics->line_height();
    if (has_ruby(result.lines)) {
        // Ruby sits in the gap between lines; 1.75 em keeps it clear of the line above.
        result.line_height = std::max(result.line_height, size * 7 / 4);
        result.ruby_reserve = result.ruby_size;
    }
    // The last line needs only its own glyphs (about 1.25 em with descenders), not a full gap.
    const int lines = int(result.lines.size());
    result.height = result.ruby_reserve + (lines - 1) * result.line_height + size * 5 / 4;
    const bool too_wide = std::any_of(result.lines.begin(), result.lines.end(), [&](const Line& l) {
        return l.width - l.hanging > request.width;
    });
    result.overflow = too_wide || result.height > request.height;
    result.missing_glyphs = missing_glyphs(result.lines, *metrics);
    return result;
}

FitResult fit_to_box(std::string_view text, const FitRequest& request, const ScalableFont& font) {
    const int min_size = std::max(1, std::min(request.min_size, request.preferred_size));
    // With PhraseCuts::avoided a somewhat smaller size that keeps every phrase whole is
    // preferred, down to three quarters of the preferred size; below that, the largest size
    // that fits wins even if it cuts a phrase.
    const int keep_phrases_down_to = request.phrase_cuts == PhraseCuts::avoided
                                         ? std::max(min_size, request.preferred_size * 3 / 4)
                                         : request.preferred_size;
    std::optional<FitResult> first_fit;
    for (int size = std::max(request.preferred_size, min_size);;) {
        FitResult result = layout_at_size(text, request, size, font);
        const bool splits = std::any_of(result.lines.begin(), result.lines.end(),
                                        [](const Line& line) { return line.splits_phrase; });
        if (!result.overflow && !splits) {
            return result;
        }
        if (!result.overflow && !first_fit) {
            first_fit = std::move(result);
        } else if (size <= min_size) {
            return first_fit ? std::move(*first_fit) : result;
        }
        if (first_fit && size <= keep_phrases_down_to) {
            return std::move(*first_fit);
        }
        size = std::max(min_size, std::min(size - 1, size * 95 / 100));
    }
}

}  // namespace keiji::text
