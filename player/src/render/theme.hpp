#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "model/theme_spec.hpp"
#include "render/geometry.hpp"

namespace keiji::render {

// How the header writes the year: 2026年 or 令和8年.
enum class DateStyle { gregorian, japanese_era };

// Type sizes and margins as fractions of the shorter side of the screen (Frame::unit), so one
// design holds at 1080p, 4K and portrait. Each text shrinks to fit its box down to about 60 % of
// its preferred size, never below `min_fraction` of it.
struct TypeScale {
    double display = 0.085;  // Slide titles.
    double heading = 0.058;  // The partner municipality's name, notice headings on small screens.
    double body = 0.040;     // Running text; about 43 px at 1080p, readable from 5 m.
    double label = 0.030;    // Badges, captions, labels such as 日時 and 会場.
    double footer = 0.024;
    double min_fraction = 0.6;
    double margin = 0.055;  // Outer margin of every template.
    double gap = 0.025;     // Between blocks inside a template.
};

// Colours, type and margins of the lobby screens, in one place. Every text/background pair has a
// WCAG contrast ratio of at least 4.5:1 (checked in tests/render/theme_test.cpp), and meaning
// never rests on hue alone: urgent states are vermilion and calm ones blue (a pair that stays
// apart for protan and deutan vision), and always carry a word (重要, 本日開催).
struct Theme {
    Color paper{0xF6, 0xF4, 0xEE};      // Slide background, a warm off-white.
    Color ink{0x1E, 0x2A, 0x36};        // Body text on paper: 13.4:1.
    Color muted_ink{0x4A, 0x55, 0x60};  // Secondary text on paper: 7.0:1.
    Color header{0x12, 0x35, 0x5B};     // Header band and date block; white on it: 12.5:1.
    Color on_header{0xFF, 0xFF, 0xFF};
    Color accent{0x00, 0x5A, 0x9C};  // Partner badge, あと N 日; white on it: 7.1:1.
    Color on_accent{0xFF, 0xFF, 0xFF};
    Color alert{0xA8, 0x43, 0x00};  // 重要, 本日開催, 開催中 (vermilion); white on it: 6.1:1.
    Color on_alert{0xFF, 0xFF, 0xFF};
    Color footer{0xE2, 0xDE, 0xD3};  // Footer band; muted ink on it: 5.7:1.
    Color panel{0xFF, 0xFF, 0xFF};   // Cards and the QR code's quiet zone; ink on it: 14.6:1.
    Color ticker{0x1E, 0x2A, 0x36};  // Ticker band; white on it: 14.6:1.
    Color on_ticker{0xFF, 0xFF, 0xFF};
    TypeScale type;
    DateStyle date_style = DateStyle::gregorian;

    // Pixel sizes for `frame`.
    [[nodiscard]] int size(Frame frame, double fraction) const { return frame.unit(fraction); }
    [[nodiscard]] int min_size(Frame frame, double fraction) const {
        return frame.unit(fraction * type.min_fraction);
    }
    [[nodiscard]] int margin(Frame frame) const { return frame.unit(type.margin); }
    [[nodiscard]] int gap(Frame frame) const { return frame.unit(type.gap); }
};

// WCAG 2.x relative luminance and contrast ratio (1:1 to 21:1).
[[nodiscard]] inline double wcag_relative_luminance(Color color) {
    const auto channel = [](std::uint8_t value) {
        const double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b);
}
[[nodiscard]] inline double wcag_contrast_ratio(Color a, Color b) {
    const double la = wcag_relative_luminance(a);
    const double lb = wcag_relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// `base` with a playlist's colours and type scale. A colour that would take one of its
// text/background pairs under 4.5:1 is not used: `base` keeps its own and `problems` says why.
[[nodiscard]] Theme themed(const Theme& base, const model::ThemeSpec& spec,
                           std::vector<std::string>& problems);

// Heights of the header and footer bands. They scale with the shorter side of the screen, so a
// portrait screen gets the same band as a landscape one of the same width and keeps its height
// for content.
[[nodiscard]] inline int header_height(Frame frame) {
    return frame.unit(0.09);
}
[[nodiscard]] inline int footer_height(Frame frame) {
    return frame.unit(0.05);
}
// The optional ticker band sits above the footer.
[[nodiscard]] inline int ticker_height(Frame frame) {
    return frame.unit(0.07);
}

}  // namespace keiji::render
