#pragma once

#include <date/tz.h>

#include <string>

#include "checks/check_renderer.hpp"
#include "model/item.hpp"
#include "model/time.hpp"
#include "render/font_set.hpp"
#include "render/screen.hpp"
#include "render/slide_painter.hpp"
#include "render/theme.hpp"

namespace keiji::checks {

// How a slide is shown: the language, the moment (for an event's あと N 日 / 本日開催 / 開催中)
// and the corner's name in the header.
struct ShotSetup {
    std::string language = "ja";
    // The footer's label naming the language, as on a screen of several languages; "": none.
    std::string language_label;
    model::TimePoint at{};
    const date::time_zone* zone = nullptr;
    std::string header_title;
    render::Theme theme;
    // Image paths in the item are relative to this folder (the playlist's), as the player
    // resolves them when it loads content.
    std::string base_directory = ".";
};

// Paints `item` exactly as the player composes it: the slide (render::paint_slide) and the header
// band (render::paint_header, the clock at `setup.at`) into the renderer's opaque layers,
// presented on its screen, whose picture is then the screen's pixel for pixel. Returns the
// slide's paint report, with every text box it drew.
render::PaintReport paint_shot(CheckRenderer& renderer, const model::Item& item,
                               const ShotSetup& setup);

}  // namespace keiji::checks
