#include "render/theme.hpp"

#include <fmt/format.h>

namespace keiji::render {

namespace {

Color to_color(model::Rgb rgb) {
    return Color{rgb.r, rgb.g, rgb.b};
}

std::string hex(Color color) {
    return fmt::format("#{:02X}{:02X}{:02X}", color.r, color.g, color.b);
}

// Every text/background pair the templates draw, with its name for a log line.
struct Pair {
    const char* what;
    Color text;
    Color background;
};

std::vector<Pair> pairs(const Theme& theme) {
    return {{"ink on paper", theme.ink, theme.paper},
            {"secondary text on paper", theme.muted_ink, theme.paper},
            {"ink on white cards", theme.ink, theme.panel},
            {"ink on the footer", theme.ink, theme.footer},
            {"white on header", theme.on_header, theme.header},
            {"white on accent", theme.on_accent, theme.accent},
            {"white on alert", theme.on_alert, theme.alert}};
}

}  // namespace

Theme themed(const Theme& base, const model::ThemeSpec& spec, std::vector<std::string>& problems) {
    Theme theme = base;
    // Each colour is tried on its own, so one bad choice does not discard the good ones.
    const auto apply = [&](const char* name, const std::optional<model::Rgb>& wanted,
                           Color Theme::*member) {
        if (!wanted) {
            return;
        }
        Theme trial = theme;
        trial.*member = to_color(*wanted);
        for (const Pair& pair : pairs(trial)) {
            const double ratio = wcag_contrast_ratio(pair.text, pair.background);
            if (ratio < 4.5) {
                problems.push_back(fmt::format(
                    "theme {} {} gives {} a contrast of {:.1f}:1 (at least 4.5:1 is needed); "
                    "the default {} is used",
                    name, hex(trial.*member), pair.what, ratio, hex(theme.*member)));
                return;
            }
        }
        theme = trial;
    };
    apply("header", spec.header, &Theme::header);
    apply("accent", spec.accent, &Theme::accent);
    apply("alert", spec.alert, &Theme::alert);
    apply("paper", spec.paper, &Theme::paper);
    apply("ink", spec.ink, &Theme::ink);
    const double scale = std::clamp(spec.type_scale, 0.8, 1.25);
    theme.type.display *= scale;
    theme.type.heading *= scale;
    theme.type.body *= scale;
    theme.type.label *= scale;
    return theme;
}

}  // namespace keiji::render
