#include "render/alert_painter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace keiji::render {

namespace {

constexpr Color white{0xFF, 0xFF, 0xFF};
constexpr Color black{0x00, 0x00, 0x00};

double linear(std::uint8_t channel) {
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(Color color) {
    return 0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b);
}

void report(std::vector<std::string>& problems, std::string_view what, const TextResult& result) {
    if (result.overflow) {
        problems.push_back(fmt::format("the alert's {} does not fit and was cut", what));
    }
    if (!result.missing_glyphs.empty()) {
        problems.push_back(
            fmt::format("no font has {} of the alert's {}", result.missing_glyphs, what));
    }
}

}  // namespace

// The colours of 警戒レベル are those the Cabinet Office (内閣府 防災担当) fixed on 2020-05-29,
// 「大雨の警戒レベルをわかりやすく伝えるために5色の配色を定めました」
// (http://www.bousai.go.jp/pdf/200529_haishoku.pdf, chosen with the Color Universal Design
// Organization for every type of colour vision), reused in 避難情報に関するガイドライン (2021-05).
// The search tool found the announcement and the PDF's address but not the PDF's table, so the
// RGB values below are the commonly published screen values of that table (also used by the
// Japan Meteorological Agency): black 12/0/12, purple 170/0/170, red 255/40/0, yellow
// 242/231/0, white 255/255/255. Check them against the PDF when it can be read.
// Ink: white on black (20.6:1) and purple (6.4:1); black on red (5.6:1; white would be only
// 3.8:1), yellow (16.0:1) and white (21:1). tests/alert/alert_painter_test.cpp checks >= 4.5.
LevelColors level_colors(int level) {
    switch (level) {
        case 1:
            return {white, black};
        case 2:
            return {Color{242, 231, 0}, black};
        case 3:
            return {Color{255, 40, 0}, black};
        case 4:
            return {Color{170, 0, 170}, white};
        default:
            return {Color{12, 0, 12}, white};
    }
}

double contrast_ratio(Color a, Color b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<std::string> paint_alert(Canvas& canvas, Frame frame, const AlertView& view) {
    std::vector<std::string> problems;
    const LevelColors colors = level_colors(view.level);
    const bool portrait = frame.height > frame.width;
    const int margin = frame.unit(0.04);
    const int inner = frame.width - 2 * margin;
    const auto style = [&](Weight weight, double size, double min_size, Color color) {
        return TextStyle{.weight = weight,
                         .size = frame.unit(size),
                         .min_size = frame.unit(min_size),
                         .color = color,
                         .language = view.language};
    };

    canvas.fill(Rect{0, 0, frame.width, frame.height}, colors.background);

    // The band: inverted colours, so the level reads first even from across the lobby.
    const int band_height = frame.y(portrait ? 0.12 : 0.17);
    canvas.fill(Rect{0, 0, frame.width, band_height}, colors.ink);
    const int drill_width = view.drill_mark.empty() ? 0 : frame.x(portrait ? 0.36 : 0.24);
    TextStyle band_style = style(Weight::bold, 0.085, 0.04, colors.background);
    band_style.language = "ja";
    band_style.vertical = VerticalAlign::middle;
    const int gloss_height = view.level_gloss.empty() ? 0 : band_height / 3;
    report(
        problems, "level",
        canvas.draw_text(
            view.level_name.empty() ? view.level_label : view.level_label + "　" + view.level_name,
            Rect{margin, 0, inner - drill_width, band_height - gloss_height}, band_style));
    if (!view.level_gloss.empty()) {
        TextStyle gloss = style(Weight::regular, 0.035, 0.02, colors.background);
        report(problems, "level name",
               canvas.draw_text(view.level_gloss,
                                Rect{margin, band_height - gloss_height - frame.unit(0.01),
                                     inner - drill_width, gloss_height},
                                gloss));
    }
    if (!view.drill_mark.empty()) {
        // A drill must never be mistaken for the real thing: a boxed mark in the band and a
        // strip along the bottom edge.
        const Rect mark{frame.width - margin - drill_width, band_height / 6, drill_width,
                        band_height * 2 / 3};
        canvas.fill(mark, colors.background);
        TextStyle mark_style = style(Weight::bold, 0.06, 0.03, colors.ink);
        mark_style.align = Align::center;
        mark_style.vertical = VerticalAlign::middle;
        report(problems, "drill mark", canvas.draw_text(view.drill_mark, mark, mark_style));
    }

    // The language of this frame, named in itself, under the band on the right.
    int y = band_height + frame.unit(0.02);
    const int label_height = frame.unit(0.045);
    TextStyle label_style = style(Weight::bold, 0.032, 0.02, colors.ink);
    label_style.align = Align::end;
    label_style.language = view.language;
    canvas.draw_text(view.language_label, Rect{margin, y, inner, label_height}, label_style);
    y += label_height;

    const int footer_height = frame.unit(0.06) + (view.drill_mark.empty() ? 0 : frame.unit(0.05));
    const int bottom = frame.height - footer_height - margin / 2;
    const int room = bottom - y;
    const int headline_height = room * 40 / 100;
    const int instruction_height = view.shelters.empty() ? room - headline_height : room * 32 / 100;
    report(
        problems, "headline",
        canvas.draw_text(view.headline, Rect{margin, y, inner, headline_height - frame.unit(0.025)},
                         style(Weight::bold, 0.1, 0.04, colors.ink)));
    y += headline_height;
    report(problems, "instruction",
           canvas.draw_text(view.instruction, Rect{margin, y, inner, instruction_height},
                            style(Weight::regular, 0.055, 0.03, colors.ink)));
    y += instruction_height;
    if (!view.shelters.empty()) {
        std::string shelters = view.shelters_label + "\n";
        for (std::size_t index = 0; index < view.shelters.size(); ++index) {
            // A Japanese middle dot reads as a bullet in CJK text only.
            const bool cjk = view.language.starts_with("ja") || view.language.starts_with("zh");
            shelters +=
                (index == 0 ? "" : "\n") + std::string(cjk ? "・" : "• ") + view.shelters[index];
        }
        report(problems, "shelters",
               canvas.draw_text(shelters, Rect{margin, y, inner, bottom - y},
                                style(Weight::regular, 0.042, 0.025, colors.ink)));
    }

    // Footer: when it was issued and for where, and whether more alerts are in force.
    canvas.fill(Rect{margin, bottom, inner, std::max(1, frame.unit(0.004))}, colors.ink);
    const int footer_line = frame.unit(0.06);
    const int footer_top = bottom + frame.unit(0.008);
    TextStyle footer_style = style(Weight::regular, 0.032, 0.02, colors.ink);
    footer_style.vertical = VerticalAlign::middle;
    const std::string issued = view.area.empty() ? view.issued : view.issued + "　" + view.area;
    canvas.draw_text(issued, Rect{margin, footer_top, inner, footer_line}, footer_style);
    if (!view.more.empty()) {
        footer_style.align = Align::end;
        footer_style.weight = Weight::bold;
        canvas.draw_text(view.more, Rect{margin, footer_top, inner, footer_line}, footer_style);
    }
    if (!view.drill_mark.empty()) {
        const Rect strip{0, frame.height - frame.unit(0.05), frame.width, frame.unit(0.05)};
        canvas.fill(strip, colors.ink);
        TextStyle strip_style = style(Weight::bold, 0.032, 0.02, colors.background);
        strip_style.align = Align::center;
        strip_style.vertical = VerticalAlign::middle;
        std::string repeated;
        for (int count = 0; count < 4; ++count) {
            repeated += (count == 0 ? "" : "　　") + view.drill_mark;
        }
        canvas.draw_text(repeated, strip, strip_style);
    }
    return problems;
}

}  // namespace keiji::render
