#include "render/template_parts.hpp"

#include <algorithm>
#include <optional>

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

int paint_title(Canvas& canvas, Frame frame, const Theme& theme, const model::LocalizedText& title,
                const SlideContext& context, Rect box_at_most, PaintReport& report) {
    const int display = theme.size(frame, theme.type.display);
    const std::string* second =
        context.second_language.empty() ? nullptr : title.find(context.second_language);
    const bool bilingual = second != nullptr && !second->empty();
    // The second title takes at most two lines of its own size from the box.
    const int second_size = display * 55 / 100;
    const int second_room = bilingual ? second_size * 13 / 10 * 2 + display / 4 : 0;
    Rect box = box_at_most;
    box.h = std::min(display * 13 / 10 * 3, box_at_most.h - second_room);
    const TextResult result =
        canvas.draw_text(title.pick(context.language), box,
                         TextStyle{.weight = Weight::bold,
                                   .size = display,
                                   .min_size = theme.min_size(frame, theme.type.display),
                                   .color = theme.ink,
                                   .language = context.language,
                                   .phrase_cuts = text::PhraseCuts::avoided});
    if (result.overflow) {
        report.problems.push_back("title does not fit");
    }
    if (!bilingual) {
        return result.height;
    }
    const int y = box.y + result.height + display / 4;
    // A canvas of its own for other fonts; the same one otherwise (a new canvas on the same
    // fonts would close their idle sizes in the middle of this paint).
    std::optional<Canvas> own;
    Canvas* target = &canvas;
    if (context.second_fonts != nullptr) {
        own.emplace(canvas.renderer(), *context.second_fonts);
        own->record_text(&report.texts);
        target = &*own;
    }
    const TextResult under = target->draw_text(
        *second, Rect{box.x, y, box.w, std::min(second_room, box_at_most.y + box_at_most.h - y)},
        TextStyle{.weight = Weight::bold,
                  .size = second_size,
                  .min_size = theme.min_size(frame, theme.type.body),
                  .color = theme.muted_ink,
                  .language = context.second_language,
                  .phrase_cuts = text::PhraseCuts::avoided});
    if (under.overflow) {
        report.problems.push_back("second title does not fit");
    }
    return y + under.height - box.y;
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
