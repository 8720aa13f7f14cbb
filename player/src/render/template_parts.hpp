#pragma once

// Pieces the slide templates share. Internal to render/: the public entry is slide_painter.hpp.

#include <string_view>

#include "model/item.hpp"
#include "render/canvas.hpp"
#include "render/slide_painter.hpp"
#include "render/theme.hpp"

namespace keiji::render::detail {

// Where a template may draw, and the spacing it uses, for one frame.
struct Layout {
    Frame frame;
    Rect area;  // Between the header band and the footer (or ticker) band.
    int margin = 0;
    int gap = 0;
    bool portrait = false;
};

[[nodiscard]] Layout layout_for(Frame frame, const SlideContext& context, const Theme& theme);

// The slide's title in context.language: bold display type, at most three lines and
// `box_at_most`, shrinking rather than cutting a phrase. In the bilingual layout
// (context.second_language) the title in that language follows, smaller and quieter, drawn with
// its own fonts. A title that does not fit even at its minimum size goes into `report`.
// Returns the height used.
int paint_title(Canvas& canvas, Frame frame, const Theme& theme, const model::LocalizedText& title,
                const SlideContext& context, Rect box_at_most, PaintReport& report);

// A coloured label sized to its text, `height` pixels tall (e.g. 岐阜県, 重要, 本日開催).
Rect paint_badge(Canvas& canvas, std::string_view label, int x, int y, int height, Color background,
                 Color foreground);

// The largest size up to `preferred` at which `text` fits `width` on one line: day numbers and
// names must never wrap.
[[nodiscard]] int one_line_size(Canvas& canvas, std::string_view text, Weight weight, int preferred,
                                int width);

// Photo of an item cropped to fill `box`; a calm accent panel when there is none or it cannot be
// read (the problem goes to `report`).
void paint_photo(Canvas& canvas, const std::string& path, model::FocalPoint focus, Rect box,
                 const Theme& theme, PaintReport& report);

void paint_promo(Canvas& canvas, const Layout& layout, const model::PromoContent& promo,
                 const SlideContext& context, const Theme& theme, PaintReport& report);
void paint_event(Canvas& canvas, const Layout& layout, const model::EventContent& event,
                 const SlideContext& context, const Theme& theme, PaintReport& report);
void paint_notice(Canvas& canvas, const Layout& layout, const model::NoticeContent& notice,
                  const SlideContext& context, const Theme& theme, PaintReport& report);
// Sets report.film, where the film's pictures go.
void paint_video(Canvas& canvas, const Layout& layout, const model::VideoContent& video,
                 const SlideContext& context, const Theme& theme, PaintReport& report);

}  // namespace keiji::render::detail
