#include "render/theme.hpp"

#include <doctest/doctest.h>

#include "model/playlist_parser.hpp"

using keiji::render::Theme;
using keiji::render::wcag_contrast_ratio;

TEST_CASE("theme: the WCAG contrast formula gives the known extremes") {
    CHECK(wcag_contrast_ratio({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21.0));
    CHECK(wcag_contrast_ratio({0x77, 0x77, 0x77}, {255, 255, 255}) ==
          doctest::Approx(4.48).epsilon(0.01));
}

TEST_CASE("theme: every text colour on its background reaches 4.5:1") {
    const Theme theme;
    struct Pair {
        const char* what;
        keiji::render::Color text;
        keiji::render::Color background;
    };
    const Pair pairs[] = {
        {"ink on paper", theme.ink, theme.paper},
        {"muted ink on paper", theme.muted_ink, theme.paper},
        {"ink on panel", theme.ink, theme.panel},
        {"muted ink on panel", theme.muted_ink, theme.panel},
        {"white on header", theme.on_header, theme.header},
        {"white on accent", theme.on_accent, theme.accent},
        {"white on alert", theme.on_alert, theme.alert},
        {"muted ink on footer", theme.muted_ink, theme.footer},
        {"ink on footer (label chips)", theme.ink, theme.footer},
        {"white on ticker", theme.on_ticker, theme.ticker},
    };
    for (const Pair& pair : pairs) {
        CAPTURE(pair.what);
        CHECK(wcag_contrast_ratio(pair.text, pair.background) >= 4.5);
    }
}

TEST_CASE("theme: a playlist's \"theme\" reaches every item, and a bad colour is located") {
    const auto playlist = keiji::model::parse_playlist_text(R"({
        "theme": {"accent": "#6A1B9A", "type_scale": 1.1},
        "items": [{"type": "notice", "id": "a", "title": "一"},
                  {"type": "notice", "id": "b", "title": "二"}]})",
                                                            "p.json");
    REQUIRE(playlist.has_value());
    REQUIRE(playlist->items[0].theme != nullptr);
    CHECK(playlist->items[0].theme == playlist->items[1].theme);
    CHECK(playlist->items[0].theme->accent->r == 0x6A);
    CHECK(playlist->items[0].theme->type_scale == doctest::Approx(1.1));

    const auto broken = keiji::model::parse_playlist_text(R"({
        "theme": {"accent": "purple"},
        "items": [{"type": "notice", "id": "a", "title": "一"}]})",
                                                          "p.json");
    REQUIRE_FALSE(broken.has_value());
    CHECK(broken.error().front().where.pointer == "/theme/accent");
}
