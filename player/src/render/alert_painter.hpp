#pragma once

#include <string>
#include <vector>

#include "render/canvas.hpp"
#include "render/geometry.hpp"

namespace keiji::render {

// The official colour of an evacuation level (警戒レベル 1–5) and the text colour that reads on
// it with a WCAG contrast of at least 4.5:1. Levels outside 1–5 get level 5's colours.
struct LevelColors {
    Color background;
    Color ink;
};
[[nodiscard]] LevelColors level_colors(int level);

// WCAG 2.x contrast ratio of two opaque colours, 1 to 21.
[[nodiscard]] double contrast_ratio(Color a, Color b);

// Everything the takeover screen shows, already in the language of this frame. The app builds
// it from an alert (render never sees the alert module); keeping it plain text keeps the
// painter testable with goldens.
struct AlertView {
    int level = 5;
    std::string level_label;  // 警戒レベル4 (always the official Japanese label).
    std::string level_name;   // 避難指示 (the official name).
    std::string level_gloss;  // The name in the frame's language ("Evacuation order"); may be "".
    std::string drill_mark;   // "訓練 EXERCISE" / "TEST テスト"; "" for a real alert.
    std::string headline;
    std::string instruction;
    std::string shelters_label;  // 避難所 / Shelters.
    std::vector<std::string> shelters;
    std::string issued;  // 発表 2026年9月1日 9:55.
    std::string area;
    std::string more;            // "他に1件の警報" when several are active; may be "".
    std::string language;        // BCP 47 of the texts: line breaking and ruby.
    std::string language_label;  // The language named in itself: 日本語, English, 한국어 ...
};

// Paints the full-screen takeover for `view` over the whole frame. Fractions of the frame, so
// 1920×1080, 4K and portrait all work. Returns what went wrong (overflowing or missing glyphs);
// the frame is painted regardless.
std::vector<std::string> paint_alert(Canvas& canvas, Frame frame, const AlertView& view);

}  // namespace keiji::render
