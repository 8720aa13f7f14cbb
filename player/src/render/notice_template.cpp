// The notice slide: a white card with a coloured top edge, a label saying what kind of notice it
// is, a large heading and the body.
#include "render/template_parts.hpp"
#include "render/template_words.hpp"

namespace keiji::render::detail {

void paint_notice(Canvas& canvas, const Layout& layout, const model::NoticeContent& notice,
                  const SlideContext& context, const Theme& theme, PaintReport& report) {
    const Frame frame = layout.frame;
    const Rect area = layout.area;
    const bool important = notice.importance == model::Importance::important;
    // Important notices are vermilion and say 重要; the colour never carries the meaning alone.
    const Color edge = important ? theme.alert : theme.accent;
    const Color on_edge = important ? theme.on_alert : theme.on_accent;

    const Rect card{layout.margin, area.y + layout.margin, frame.width - 2 * layout.margin,
                    area.h - 2 * layout.margin};
    canvas.fill(card, theme.panel);
    const int strip = frame.unit(0.014);
    canvas.fill(Rect{card.x, card.y, card.w, strip}, edge);

    const int pad = layout.margin;
    const int x = card.x + pad;
    const int width = card.w - 2 * pad;
    int y = card.y + strip + pad * 3 / 4;
    const int label = theme.size(frame, theme.type.label);
    y += paint_badge(
             canvas,
             important ? words_for(context.language).important : words_for(context.language).notice,
             x, y, label * 17 / 10, edge, on_edge)
             .h +
         layout.gap;

    const int bottom = card.y + card.h - pad;
    const int title_height = paint_title(canvas, frame, theme, notice.title, context,
                                         Rect{x, y, width, (bottom - y) * 45 / 100}, report);
    y += title_height + layout.gap;
    const int rule = std::max(2, frame.unit(0.004));
    canvas.fill(Rect{x, y, width, rule}, theme.footer);
    y += rule + layout.gap;
    // Notices are read, not glanced at: the body is a step larger than on the other templates.
    const double body = theme.type.body * 1.3;
    canvas.draw_text(notice.body.pick(context.language), Rect{x, y, width, bottom - y},
                     TextStyle{.size = theme.size(frame, body),
                               .min_size = theme.min_size(frame, theme.type.body),
                               .color = theme.ink,
                               .language = context.language});
}

}  // namespace keiji::render::detail
