#include "render/template_parts.hpp"

#include <algorithm>

namespace keiji::render::detail {

Layout layout_for(Frame frame, const SlideContext& context, const Theme& theme) {
    const int top = header_height(frame);
    int bottom = frame.height - footer_height(frame);
    if (context.ticker == TickerSpace::reserved) {
        bottom -= ticker_height(frame);
    }
    return Layout{.frame = frame,
                  .area = Rect{0, top, frame.width, bottom - top},
                  .margin = theme.margin(frame),
                  .gap = theme.gap(frame),
                  .portrait = frame.height > frame.width};
}

TextResult paint_title(Canvas& canvas, Frame frame, const Theme& theme, std::string_view title,
                       const std::string& language, Rect box_at_most, PaintReport& report) {
    const int display = theme.size(frame, theme.type.display);
    box_at_most.h = std::min(display * 13 / 10 * 3, box_at_most.h);
    const TextResult result =
        canvas.draw_text(title, box_at_most,
                         TextStyle{.weight = Weight::bold,
                                   .size = display,
                                   .min_size = theme.min_size(frame, theme.type.display),
                                   .color = theme.ink,
                                   .language = language,
                                   .phrase_cuts = text::PhraseCuts::avoided});
    if (result.overflow) {
        report.problems.push_back("title does not fit");
    }
    return result;
}

Rect paint_badge(Canvas& canvas, std::string_view label, int x, int y, int height, Color background,
                 Color foreground) {
    const int size = height * 62 / 100;
    const int padding = height * 40 / 100;
    const Rect box{x, y, canvas.measure(label, Weight::bold, size) + 2 * padding, height};
    canvas.fill(box, background);
    canvas.draw_text(label, box,
                     TextStyle{.weight = Weight::bold,
                               .size = size,
                               .min_size = size * 2 / 3,
                               .color = foreground,
                               .align = Align::center,
                               .vertical = VerticalAlign::middle});
    return box;
}

int one_line_size(Canvas& canvas, std::string_view text, Weight weight, int preferred, int width) {
    const int measured = canvas.measure(text, weight, preferred);
    if (measured <= width || measured <= 0) {
        return preferred;
    }
    // Glyph widths scale almost linearly with the size; one step down covers rounding.
    int size = std::max(1, int(double(preferred) * width / measured));
    while (size > 1 && canvas.measure(text, weight, size) > width) {
        --size;
    }
    return size;
}

void paint_photo(Canvas& canvas, const std::string& path, model::FocalPoint focus, Rect box,
                 const Theme& theme, PaintReport& report) {
    if (!path.empty() && canvas.draw_image_cover(path, box, focus)) {
        return;
    }
    if (!path.empty()) {
        report.problems.push_back("cannot read image " + path);
    }
    canvas.fill(box, theme.accent);
}

}  // namespace keiji::render::detail
