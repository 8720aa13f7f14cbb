// The event slide: a date block a passer-by reads from across the lobby (month, large day
// numbers, 曜日, time and the state あと N 日 / 本日開催 / 開催中), then the title, when and where.
#include <date/tz.h>
#include <fmt/format.h>

#include <set>

#include "render/clock_face.hpp"
#include "render/event_text.hpp"
#include "render/template_parts.hpp"
#include "render/template_words.hpp"

namespace keiji::render::detail {

namespace {

struct LocalDay {
    unsigned month = 0;
    unsigned day = 0;
    unsigned weekday = 0;
    auto operator<=>(const LocalDay&) const = default;
};

LocalDay local_day(model::TimePoint when, const date::time_zone& zone) {
    const auto day = date::floor<date::days>(zone.to_local(when));
    const date::year_month_day ymd{day};
    return {unsigned(ymd.month()), unsigned(ymd.day()), date::weekday{day}.c_encoding()};
}

// The days the block shows: the shown session's day and the later session days of the same
// month (a weekend reads "29・30", 土・日); more than three become a range "1〜5".
struct BlockDays {
    std::string month;
    std::string days;
    std::string weekdays;
};

BlockDays block_days(const model::EventContent& event, const model::Session& shown,
                     const date::time_zone& zone, std::string_view language) {
    const TemplateWords& words = words_for(language);
    const LocalDay first = local_day(shown.start, zone);
    std::set<LocalDay> days;
    for (const model::Session& session : event.sessions) {
        const LocalDay day = local_day(session.start, zone);
        if (session.start >= shown.start && day.month == first.month) {
            days.insert(day);
        }
    }
    BlockDays out{.month = std::string(month_name(language, first.month))};
    if (days.size() > 3) {
        out.days = fmt::format("{}{}{}", days.begin()->day, words.range, days.rbegin()->day);
        out.weekdays = fmt::format("{}{}{}", weekday_name(language, days.begin()->weekday),
                                   words.range, weekday_name(language, days.rbegin()->weekday));
        return out;
    }
    for (const LocalDay& day : days) {
        const std::string_view separator = out.days.empty() ? "" : words.and_day;
        out.days += fmt::format("{}{}", separator, day.day);
        out.weekdays += fmt::format("{}{}", separator, weekday_name(language, day.weekday));
    }
    return out;
}

std::string state_label(const model::EventState& state, std::string_view language) {
    const TemplateWords& words = words_for(language);
    switch (state.phase) {
        case model::EventPhase::running:
            return std::string(words.running);
        case model::EventPhase::today:
            return std::string(words.today);
        case model::EventPhase::upcoming:
            return days_left_text(language, state.days_until);
        default:
            return "";
    }
}

// One centred line in the block, as large as `preferred` allows within the block's width.
void block_line(Canvas& canvas, std::string_view text, Rect row, int preferred, Weight weight,
                Color color) {
    const int size = one_line_size(canvas, text, weight, preferred, row.w);
    canvas.draw_text(text, row,
                     TextStyle{.weight = weight,
                               .size = size,
                               .min_size = size,
                               .color = color,
                               .align = Align::center,
                               .vertical = VerticalAlign::middle});
}

void paint_date_block(Canvas& canvas, Rect block, const model::EventContent& event,
                      const model::Session& shown, const SlideContext& context,
                      const Theme& theme) {
    const date::time_zone& zone = *context.zone;
    canvas.fill(block, theme.header);
    const BlockDays days = block_days(event, shown, zone, context.language);
    const int pad = std::min(block.w, block.h) * 8 / 100;
    const Rect inner{block.x + pad, block.y, block.w - 2 * pad, block.h};
    const auto row = [&](int from_percent, int to_percent) {
        return Rect{inner.x, block.y + block.h * from_percent / 100, inner.w,
                    block.h * (to_percent - from_percent) / 100};
    };
    const int h = block.h;
    block_line(canvas, days.month, row(3, 17), h * 10 / 100, Weight::regular, theme.on_header);
    block_line(canvas, days.days, row(16, 54), h * 34 / 100, Weight::bold, theme.on_header);
    block_line(canvas, days.weekdays, row(54, 66), h * 9 / 100, Weight::regular, theme.on_header);
    block_line(canvas, format_session_hours({shown}, zone, context.language), row(66, 78),
               h * 8 / 100, Weight::regular, theme.on_header);

    const std::string state = state_label(context.event, context.language);
    if (!state.empty()) {
        // Happening now or today is urgent (vermilion); counting down is calm (blue). The word
        // carries the meaning; the colour only repeats it.
        const bool urgent = context.event.phase != model::EventPhase::upcoming;
        const Rect band{block.x, block.y + h * 80 / 100, block.w, h - h * 80 / 100};
        canvas.fill(band, urgent ? theme.alert : theme.accent);
        block_line(canvas, state, Rect{inner.x, band.y, inner.w, band.h}, band.h * 55 / 100,
                   Weight::bold, urgent ? theme.on_alert : theme.on_accent);
    }
}

// "日時" or "会場" as a quiet label chip, then its value beside it. Returns the height used.
int paint_detail(Canvas& canvas, std::string_view label, std::string_view value, Rect box,
                 const Theme& theme, Frame frame, const std::string& language) {
    const int size = theme.size(frame, theme.type.body);
    const Rect chip =
        paint_badge(canvas, label, box.x, box.y, size * 13 / 10, theme.footer, theme.ink);
    const int x = chip.x + chip.w + size / 2;
    const TextResult text =
        canvas.draw_text(value, Rect{x, box.y + size * 13 / 100, box.x + box.w - x, box.h},
                         TextStyle{.size = size,
                                   .min_size = theme.min_size(frame, theme.type.body),
                                   .color = theme.ink,
                                   .language = language});
    return std::max(chip.h, text.height + size * 13 / 100);
}

}  // namespace

void paint_event(Canvas& canvas, const Layout& layout, const model::EventContent& event,
                 const SlideContext& context, const Theme& theme, PaintReport& report) {
    const Frame frame = layout.frame;
    const Rect area = layout.area;
    const int m = layout.margin;
    const model::Session& shown =
        context.event.next != nullptr ? *context.event.next : event.sessions.front();
    const bool has_photo = !event.image.empty();

    Rect block;
    Rect text;
    if (layout.portrait) {
        int top = area.y;
        if (has_photo) {
            const Rect photo{0, area.y, frame.width, area.h * 28 / 100};
            paint_photo(canvas, event.image, event.image_focus, photo, theme, report);
            top = photo.y + photo.h;
        }
        block = Rect{m, top + m, frame.width - 2 * m, area.h * 27 / 100};
        text =
            Rect{m, block.y + block.h + m, block.w, area.y + area.h - m - (block.y + block.h + m)};
    } else {
        int right = frame.width;
        if (has_photo) {
            const Rect photo{frame.width - frame.width * 24 / 100, area.y, frame.width * 24 / 100,
                             area.h};
            paint_photo(canvas, event.image, event.image_focus, photo, theme, report);
            right = photo.x;
        }
        block = Rect{m, area.y + m, frame.width * 26 / 100, area.h - 2 * m};
        text = Rect{block.x + block.w + m, area.y + m, right - m - (block.x + block.w + m),
                    area.h - 2 * m};
    }
    paint_date_block(canvas, block, event, shown, context, theme);

    int y = text.y;
    const int title_height = paint_title(canvas, frame, theme, event.title, context,
                                         Rect{text.x, y, text.w, text.h * 45 / 100}, report);
    y += title_height + layout.gap;
    const int rule = std::max(2, frame.unit(0.006));
    canvas.fill(Rect{text.x, y, frame.unit(0.09), rule}, theme.header);
    y += rule + layout.gap;

    const date::time_zone& zone = *context.zone;
    // Every session compactly (11/29(土)・30(日)), then the hours.
    const std::string when =
        fmt::format("{}\u3000{}", format_session_days(event.sessions, zone, context.language),
                    format_session_hours(event.sessions, zone, context.language));
    y += paint_detail(canvas, words_for(context.language).when, when,
                      Rect{text.x, y, text.w, text.h * 22 / 100}, theme, frame, context.language) +
         layout.gap / 2;
    y += paint_detail(canvas, words_for(context.language).where, event.venue.pick(context.language),
                      Rect{text.x, y, text.w, text.h * 22 / 100}, theme, frame, context.language) +
         layout.gap;
    const TextResult body = canvas.draw_text(
        event.body.pick(context.language), Rect{text.x, y, text.w, text.y + text.h - y},
        TextStyle{.size = theme.size(frame, theme.type.body),
                  .min_size = theme.min_size(frame, theme.type.body),
                  .color = theme.muted_ink,
                  .language = context.language});
    if (body.overflow) {
        report.problems.push_back("body does not fit");
    }
}

}  // namespace keiji::render::detail
