#include "render/slide_painter.hpp"

#include <fmt/format.h>

#include "render/template_parts.hpp"
#include "render/template_words.hpp"

namespace keiji::render {

namespace {

// The footer band: the programme's line in the slide's language and, on a screen that shows
// several languages, the slide's language named in itself at the right end ("English"), so a
// visitor who waits for theirs knows what they are looking at.
void paint_footer(Canvas& canvas, Frame frame, const SlideContext& context, const Theme& theme) {
    const int height = footer_height(frame);
    const Rect band{0, frame.height - height, frame.width, height};
    canvas.fill(band, theme.footer);
    const int margin = theme.margin(frame);
    // Thin and quiet: it names the programme without competing with the slide.
    const int size = theme.size(frame, theme.type.footer);
    int right = frame.width - margin;
    if (!context.language_label.empty()) {
        const int label_height = height * 80 / 100;
        const int label_size = label_height * 62 / 100;
        const int width = canvas.measure(context.language_label, Weight::bold, label_size) +
                          label_height * 80 / 100;
        right -= width;
        const Rect label{right, band.y + (height - label_height) / 2, width, label_height};
        canvas.fill(label, theme.accent);
        canvas.draw_text(context.language_label, label,
                         TextStyle{.weight = Weight::bold,
                                   .size = label_size,
                                   .min_size = label_size * 2 / 3,
                                   .color = theme.on_accent,
                                   .align = Align::center,
                                   .vertical = VerticalAlign::middle,
                                   .language = context.language});
        right -= size;
    }
    canvas.fill(Rect{margin, band.y + (band.h - size) / 2, std::max(2, size / 5), size},
                theme.accent);
    canvas.draw_text(words_for(context.language).footer,
                     Rect{margin + size, band.y, right - margin - size, band.h},
                     TextStyle{.size = size,
                               .min_size = theme.min_size(frame, theme.type.footer),
                               .color = theme.muted_ink,
                               .vertical = VerticalAlign::middle,
                               .language = context.language});
}

}  // namespace

PaintReport paint_slide(Canvas& canvas, Frame frame, const model::Item& item,
                        const SlideContext& context, const Theme& theme) {
    PaintReport report;
    canvas.record_text(&report.texts);
    canvas.fill(Rect{0, 0, frame.width, frame.height}, theme.paper);
    const detail::Layout layout = detail::layout_for(frame, context, theme);
    if (const auto* promo = std::get_if<model::PromoContent>(&item.content)) {
        detail::paint_promo(canvas, layout, *promo, context, theme, report);
    } else if (const auto* event = std::get_if<model::EventContent>(&item.content)) {
        detail::paint_event(canvas, layout, *event, context, theme, report);
    } else if (const auto* notice = std::get_if<model::NoticeContent>(&item.content)) {
        detail::paint_notice(canvas, layout, *notice, context, theme, report);
    } else if (const auto* video = std::get_if<model::VideoContent>(&item.content)) {
        detail::paint_video(canvas, layout, *video, context, theme, report);
    }
    paint_footer(canvas, frame, context, theme);
    canvas.record_text(nullptr);
    return report;
}

void paint_header(Canvas& canvas, Frame frame, std::string_view title, const ClockFace& clock,
                  const Theme& theme) {
    const Rect band{0, 0, frame.width, header_height(frame)};
    canvas.fill(band, theme.header);
    const int margin = theme.margin(frame);
    const int gap = margin / 2;
    const int text_size = band.h * 40 / 100;
    const int time_size = band.h * 52 / 100;
    // The clock is measured and placed first from the right; the corner's name gets what is left
    // and is dropped on a screen too narrow for it, never drawn over the date.
    const int time_width = canvas.measure(clock.time, Weight::bold, time_size);
    const int date_width = canvas.measure(clock.date, Weight::regular, text_size);
    const int time_x = frame.width - margin - time_width;
    const int date_x = time_x - gap - date_width;
    const TextStyle base{.size = text_size,
                         .min_size = text_size,
                         .color = theme.on_header,
                         .vertical = VerticalAlign::middle};
    TextStyle time_style = base;
    time_style.weight = Weight::bold;
    time_style.size = time_style.min_size = time_size;
    canvas.draw_text(clock.time, Rect{time_x, 0, time_width, band.h}, time_style);
    canvas.draw_text(clock.date, Rect{date_x, 0, date_width, band.h}, base);
    int title_end = date_x;
    if (!clock.status.empty()) {
        TextStyle status_style = base;
        status_style.size = status_style.min_size = band.h * 28 / 100;
        const int status_width = canvas.measure(clock.status, Weight::regular, status_style.size);
        title_end = date_x - 2 * gap - status_width;
        canvas.draw_text(clock.status, Rect{title_end, 0, status_width, band.h}, status_style);
    }
    // The corner's name stays on one line: at the header's text size, or smaller, or not at all.
    const int title_width = title_end - 2 * margin;
    for (const int size : {text_size, text_size * 3 / 4}) {
        if (canvas.measure(title, Weight::bold, size) <= title_width) {
            TextStyle title_style = base;
            title_style.weight = Weight::bold;
            title_style.size = title_style.min_size = size;
            canvas.draw_text(title, Rect{margin, 0, title_width, band.h}, title_style);
            break;
        }
    }
}

}  // namespace keiji::render
