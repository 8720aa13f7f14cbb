// The partner-municipality promo: a photo that fills half the screen, the municipality's name
// with its prefecture as a badge, a title, a body and a QR code for the item's URL.
#include <fmt/format.h>

#include "render/qr.hpp"
#include "render/template_parts.hpp"
#include "render/template_words.hpp"

namespace keiji::render::detail {

namespace {

// "https://www.city.gujo.gifu.jp/kanko/" -> "city.gujo.gifu.jp": what a visitor could type.
std::string url_host(std::string_view url) {
    if (const auto scheme = url.find("://"); scheme != std::string_view::npos) {
        url.remove_prefix(scheme + 3);
    }
    if (url.starts_with("www.")) {
        url.remove_prefix(4);
    }
    return std::string(url.substr(0, url.find_first_of("/?#")));
}

// The QR code with its caption beside it, bottom-aligned in `panel`. Returns the top of what it
// painted, or the panel's bottom when there is no code.
int paint_qr_block(Canvas& canvas, const Layout& layout, const std::string& url,
                   std::string_view language, Rect panel, const Theme& theme, PaintReport& report) {
    const int bottom = panel.y + panel.h;
    if (url.empty()) {
        return bottom;
    }
    const auto code = encode_qr(url);
    if (!code) {
        report.problems.push_back("URL too long for a QR code: " + url);
        return bottom;
    }
    const Frame frame = layout.frame;
    const int side = frame.unit(layout.portrait ? 0.21 : 0.19);
    const Rect square =
        paint_qr(canvas, *code, panel.x, bottom - side, side, theme.ink, theme.panel);
    // The caption starts where the code's quiet zone ends, so the two read as one block.
    const int text_x = square.x + square.w + layout.gap;
    const int text_w = panel.x + panel.w - text_x;
    const int label = theme.size(frame, theme.type.label);
    canvas.draw_text(words_for(language).qr_hint,
                     Rect{text_x, square.y + square.h / 2 - label * 2, text_w, label * 2},
                     TextStyle{.weight = Weight::bold,
                               .size = label,
                               .min_size = theme.min_size(frame, theme.type.label),
                               .color = theme.ink,
                               .vertical = VerticalAlign::bottom,
                               .language = std::string(language)});
    const std::string host = url_host(url);
    canvas.draw_text(
        host, Rect{text_x, square.y + square.h / 2 + label / 4, text_w, label * 2},
        TextStyle{.size = one_line_size(canvas, host, Weight::regular, label * 85 / 100, text_w),
                  .min_size = 1,
                  .color = theme.muted_ink,
                  .language = "en"});
    return square.y;
}

}  // namespace

void paint_promo(Canvas& canvas, const Layout& layout, const model::PromoContent& promo,
                 const SlideContext& context, const Theme& theme, PaintReport& report) {
    const Frame frame = layout.frame;
    const Rect area = layout.area;
    Rect photo;
    Rect panel;
    if (layout.portrait) {
        photo = Rect{0, area.y, frame.width, area.h * 44 / 100};
        panel = Rect{layout.margin, photo.y + photo.h + layout.margin,
                     frame.width - 2 * layout.margin, area.h - photo.h - 2 * layout.margin};
    } else {
        photo = Rect{0, area.y, frame.width / 2, area.h};
        panel = Rect{photo.w + layout.margin, area.y + layout.margin,
                     frame.width - photo.w - 2 * layout.margin, area.h - 2 * layout.margin};
    }
    paint_photo(canvas, promo.image, promo.image_focus, photo, theme, report);

    // Who: the prefecture as a badge, the municipality large beside it (岐阜県 郡上市).
    int y = panel.y;
    const int heading = theme.size(frame, theme.type.heading);
    const int row = heading * 135 / 100;
    const std::string_view prefecture = promo.prefecture.pick(context.language);
    const int badge_height = row * 80 / 100;
    const Rect badge = paint_badge(canvas, prefecture, panel.x, y + (row - badge_height) / 2,
                                   badge_height, theme.accent, theme.on_accent);
    const int name_x = badge.x + badge.w + layout.gap / 2;
    const std::string_view municipality = promo.municipality.pick(context.language);
    const int name_w = panel.x + panel.w - name_x;
    const int name_size = one_line_size(canvas, municipality, Weight::bold, heading, name_w);
    // Ruby over the name (やさしい日本語) needs height of its own: the name then gets smaller.
    canvas.draw_text(municipality, Rect{name_x, y, name_w, row},
                     TextStyle{.weight = Weight::bold,
                               .size = name_size,
                               .min_size = std::max(1, name_size * 60 / 100),
                               .color = theme.ink,
                               .vertical = VerticalAlign::middle});
    y += row + layout.gap / 2;
    canvas.fill(Rect{panel.x, y, frame.unit(0.09), std::max(2, frame.unit(0.006))}, theme.accent);
    y += std::max(2, frame.unit(0.006)) + layout.gap;

    const int qr_top =
        paint_qr_block(canvas, layout, promo.url, context.language, panel, theme, report);

    // What: the title, up to three lines, then the body in whatever height is left.
    const int title_height = paint_title(canvas, frame, theme, promo.title, context,
                                         Rect{panel.x, y, panel.w, qr_top - y}, report);
    y += title_height + layout.gap;
    const int body_bottom = qr_top - (qr_top < panel.y + panel.h ? layout.gap : 0);
    const TextResult body = canvas.draw_text(
        promo.body.pick(context.language), Rect{panel.x, y, panel.w, body_bottom - y},
        TextStyle{.size = theme.size(frame, theme.type.body),
                  .min_size = theme.min_size(frame, theme.type.body),
                  .color = theme.muted_ink,
                  .language = context.language});
    if (body.overflow) {
        report.problems.push_back("body does not fit");
    }
}

}  // namespace keiji::render::detail
