#include "render/slide_painter.hpp"

#include <fmt/format.h>

#include "render/event_text.hpp"

namespace keiji::render {

namespace {

// The content area between the header and footer bands.
Rect content_area(Frame frame) {
    const int top = header_height(frame);
    const int bottom = frame.height - footer_height(frame);
    return Rect{0, top, frame.width, bottom - top};
}

bool is_portrait(Frame frame) {
    return frame.height > frame.width;
}

void paint_footer(Canvas& canvas, Frame frame, const Theme& theme) {
    const int height = footer_height(frame);
    const Rect band{0, frame.height - height, frame.width, height};
    canvas.fill(band, theme.footer);
    const int margin = frame.unit(0.04);
    canvas.draw_text("港区と全国各地域との連携 ─ お互いのまちをもっとゆたかに",
                     Rect{margin, band.y, frame.width - 2 * margin, band.h},
                     TextStyle{.size = frame.unit(0.026),
                               .min_size = frame.unit(0.018),
                               .color = theme.muted_ink,
                               .vertical = VerticalAlign::middle});
}

// A coloured label sized to its text, e.g. the partner municipality or the event state.
Rect paint_badge(Canvas& canvas, std::string_view label, int x, int y, int size, Color background,
                 Color foreground) {
    const int padding = size / 2;
    const Rect box{x, y, canvas.measure(label, Weight::bold, size) + 2 * padding, size * 2};
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

void paint_promo(Canvas& canvas, Frame frame, const model::PromoContent& promo,
                 const SlideContext& context, const Theme& theme, PaintReport& report) {
    const Rect area = content_area(frame);
    Rect photo;
    Rect panel;
    if (is_portrait(frame)) {
        photo = Rect{0, area.y, frame.width, area.h * 42 / 100};
        panel = Rect{0, photo.y + photo.h, frame.width, area.h - photo.h};
    } else {
        photo = Rect{0, area.y, frame.width / 2, area.h};
        panel = Rect{photo.w, area.y, frame.width - photo.w, area.h};
    }
    if (promo.image.empty() || !canvas.draw_image_cover(promo.image, photo)) {
        if (!promo.image.empty()) {
            report.problems.push_back("cannot read image " + promo.image);
        }
        canvas.fill(photo, theme.accent);
    }

    const int margin = frame.unit(0.06);
    const int x = panel.x + margin;
    const int width = panel.w - 2 * margin;
    int y = panel.y + margin;
    const std::string partner = fmt::format("{} {}", promo.prefecture.pick(context.language),
                                            promo.municipality.pick(context.language));
    const Rect badge =
        paint_badge(canvas, partner, x, y, frame.unit(0.04), theme.accent, theme.on_accent);
    y += badge.h + margin / 2;

    const TextResult title =
        canvas.draw_text(promo.title.pick(context.language), Rect{x, y, width, panel.h * 36 / 100},
                         TextStyle{.weight = Weight::bold,
                                   .size = frame.unit(0.075),
                                   .min_size = frame.unit(0.045),
                                   .color = theme.ink});
    y += title.height + margin / 2;
    canvas.draw_text(
        promo.body.pick(context.language), Rect{x, y, width, panel.y + panel.h - margin - y},
        TextStyle{
            .size = frame.unit(0.042), .min_size = frame.unit(0.03), .color = theme.muted_ink});
}

std::string event_state_label(const model::EventState& state) {
    switch (state.phase) {
        case model::EventPhase::running:
            return "開催中";
        case model::EventPhase::today:
            return "本日開催";
        case model::EventPhase::upcoming:
            return fmt::format("あと {} 日", state.days_until);
        default:
            return "";
    }
}

void paint_event(Canvas& canvas, Frame frame, const model::EventContent& event,
                 const SlideContext& context, const Theme& theme) {
    const Rect area = content_area(frame);
    const int margin = frame.unit(0.06);
    const model::Session& shown =
        context.event.next != nullptr ? *context.event.next : event.sessions.front();
    const date::time_zone& zone = *context.zone;
    const auto local = zone.to_local(shown.start);
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};

    // The date block: what a passer-by reads first is the day.
    Rect block;
    Rect text;
    if (is_portrait(frame)) {
        block = Rect{margin, area.y + margin, frame.width - 2 * margin, area.h * 30 / 100};
        text = Rect{margin, block.y + block.h + margin, block.w,
                    area.y + area.h - block.y - block.h - 2 * margin};
    } else {
        block = Rect{margin, area.y + margin, frame.width * 30 / 100, area.h - 2 * margin};
        text = Rect{block.x + block.w + margin, area.y + margin, frame.width - block.w - 3 * margin,
                    area.h - 2 * margin};
    }
    canvas.fill(block, theme.header);
    const int unit = std::min(block.w, block.h);
    const TextStyle white_center{.size = unit / 8,
                                 .min_size = unit / 12,
                                 .color = theme.on_header,
                                 .align = Align::center,
                                 .vertical = VerticalAlign::middle};
    canvas.draw_text(fmt::format("{}月", unsigned(ymd.month())),
                     Rect{block.x, block.y + block.h * 8 / 100, block.w, block.h * 16 / 100},
                     white_center);
    TextStyle day_style = white_center;
    day_style.weight = Weight::bold;
    day_style.size = unit * 42 / 100;
    day_style.min_size = unit / 5;
    canvas.draw_text(fmt::format("{}", unsigned(ymd.day())),
                     Rect{block.x, block.y + block.h * 22 / 100, block.w, block.h * 40 / 100},
                     day_style);
    canvas.draw_text(fmt::format("({})", japanese_weekday(date::weekday{day}.c_encoding())),
                     Rect{block.x, block.y + block.h * 60 / 100, block.w, block.h * 14 / 100},
                     white_center);
    const std::string state = event_state_label(context.event);
    if (!state.empty()) {
        const Rect band{block.x, block.y + block.h * 78 / 100, block.w, block.h * 22 / 100};
        canvas.fill(band, theme.alert);
        TextStyle state_style = white_center;
        state_style.weight = Weight::bold;
        canvas.draw_text(state, band, state_style);
    }

    int y = text.y;
    const TextResult title = canvas.draw_text(event.title.pick(context.language),
                                              Rect{text.x, y, text.w, text.h * 34 / 100},
                                              TextStyle{.weight = Weight::bold,
                                                        .size = frame.unit(0.075),
                                                        .min_size = frame.unit(0.045),
                                                        .color = theme.ink});
    y += title.height + margin / 2;
    const TextStyle detail{
        .size = frame.unit(0.045), .min_size = frame.unit(0.03), .color = theme.ink};
    const std::string when = fmt::format("日時  {}  {}", format_session_days(event.sessions, zone),
                                         format_session_hours(event.sessions, zone));
    y += canvas.draw_text(when, Rect{text.x, y, text.w, text.h * 20 / 100}, detail).height +
         margin / 3;
    y += canvas
             .draw_text(fmt::format("会場  {}", event.venue.pick(context.language)),
                        Rect{text.x, y, text.w, text.h * 20 / 100}, detail)
             .height +
         margin / 2;
    canvas.draw_text(
        event.body.pick(context.language), Rect{text.x, y, text.w, text.y + text.h - y},
        TextStyle{
            .size = frame.unit(0.04), .min_size = frame.unit(0.028), .color = theme.muted_ink});
}

void paint_notice(Canvas& canvas, Frame frame, const model::NoticeContent& notice,
                  const SlideContext& context, const Theme& theme) {
    const Rect area = content_area(frame);
    const int margin = frame.unit(0.07);
    const Color bar =
        notice.importance == model::Importance::important ? theme.alert : theme.accent;
    canvas.fill(Rect{margin, area.y + margin, frame.unit(0.018), area.h - 2 * margin}, bar);
    const int x = margin + frame.unit(0.05);
    const int width = frame.width - x - margin;
    int y = area.y + margin;
    if (notice.importance == model::Importance::important) {
        y += paint_badge(canvas, "重要", x, y, frame.unit(0.035), theme.alert, theme.on_alert).h +
             margin / 3;
    }
    const TextResult title =
        canvas.draw_text(notice.title.pick(context.language), Rect{x, y, width, area.h * 30 / 100},
                         TextStyle{.weight = Weight::bold,
                                   .size = frame.unit(0.08),
                                   .min_size = frame.unit(0.05),
                                   .color = theme.ink});
    y += title.height + margin / 2;
    canvas.draw_text(
        notice.body.pick(context.language), Rect{x, y, width, area.y + area.h - margin - y},
        TextStyle{.size = frame.unit(0.05), .min_size = frame.unit(0.032), .color = theme.ink});
}

}  // namespace

PaintReport paint_slide(Canvas& canvas, Frame frame, const model::Item& item,
                        const SlideContext& context, const Theme& theme) {
    PaintReport report;
    canvas.fill(Rect{0, 0, frame.width, frame.height}, theme.paper);
    if (const auto* promo = std::get_if<model::PromoContent>(&item.content)) {
        paint_promo(canvas, frame, *promo, context, theme, report);
    } else if (const auto* event = std::get_if<model::EventContent>(&item.content)) {
        paint_event(canvas, frame, *event, context, theme);
    } else if (const auto* notice = std::get_if<model::NoticeContent>(&item.content)) {
        paint_notice(canvas, frame, *notice, context, theme);
    }
    paint_footer(canvas, frame, theme);
    return report;
}

void paint_header(Canvas& canvas, Frame frame, std::string_view title, const ClockFace& clock,
                  const Theme& theme) {
    const Rect band{0, 0, frame.width, header_height(frame)};
    canvas.fill(band, theme.header);
    const int margin = frame.unit(0.04);
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
    // The corner's name stays on one line: at the header's text size, or smaller, or not at all.
    const int title_width = date_x - 2 * margin;
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
