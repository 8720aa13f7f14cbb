#pragma once

#include <date/tz.h>

#include <string>
#include <vector>

#include "model/event_state.hpp"
#include "model/item.hpp"
#include "render/canvas.hpp"
#include "render/clock_face.hpp"
#include "render/theme.hpp"

namespace keiji::render {

// Whether the bottom ticker band is shown over this slide; templates then end above it.
enum class TickerSpace { none, reserved };

// Everything a slide needs besides its item: the language to show and, for events, the state
// the scheduler computed for this moment.
struct SlideContext {
    std::string language = "ja";
    model::EventState event;
    const date::time_zone* zone = nullptr;
    TickerSpace ticker = TickerSpace::none;
    // On a screen of several languages: the slide's language named in itself, shown in the
    // footer (schedule::language_name). Empty: no label.
    std::string language_label;
    // The bilingual layout: the title in this language under the first, smaller, drawn with
    // `second_fonts` (nullptr: the canvas's own). Empty: one language.
    std::string second_language;
    FontSet* second_fonts = nullptr;
    // A video item's film size, when known: its pictures (and poster) are fitted to it
    // (PaintReport::film). 0: the whole film box.
    int film_width = 0;
    int film_height = 0;
};

// What went wrong while painting: the slide is still drawn, and the caller logs these.
struct PaintReport {
    std::vector<std::string> problems;
    // Every text box painted, with the size it got, overflow and missing glyphs (for the lint).
    std::vector<DrawnText> texts;
    // A video item: where the film's pictures go (black until the first, or the poster).
    Rect film{};
};

// Paints `item` over the whole frame except the header band, which paint_header() owns (and the
// ticker band when context.ticker reserves it). Templates are laid out in fractions of the
// screen: a portrait screen stacks what a landscape one sets side by side.
PaintReport paint_slide(Canvas& canvas, Frame frame, const model::Item& item,
                        const SlideContext& context, const Theme& theme);

// The corner's name in the header of the ward's lobby screens (what the player, the previews and
// the checks draw unless told otherwise).
inline constexpr std::string_view default_header_title = "港区と全国をつなぐコーナー";

// Paints the header band: the corner's name on the left, date and time on the right.
void paint_header(Canvas& canvas, Frame frame, std::string_view title, const ClockFace& clock,
                  const Theme& theme);

}  // namespace keiji::render
