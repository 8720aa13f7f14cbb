#pragma once

#include "render/geometry.hpp"

namespace keiji::render {

// Colours of the lobby screens. Every text/background pair here has a WCAG contrast ratio of at
// least 4.5:1 (ratios in the comments), and no meaning rests on red versus green alone.
struct Theme {
    Color paper{0xF6, 0xF4, 0xEE};      // Slide background, a warm off-white.
    Color ink{0x1E, 0x2A, 0x36};        // Body text on paper: 13.4:1.
    Color muted_ink{0x4A, 0x55, 0x60};  // Secondary text on paper: 7.0:1.
    Color header{0x12, 0x35, 0x5B};     // Header band; white on it: 11.9:1.
    Color on_header{0xFF, 0xFF, 0xFF};
    Color accent{0x00, 0x6B, 0x5F};  // Partner badge; white on it: 6.3:1.
    Color on_accent{0xFF, 0xFF, 0xFF};
    Color alert{0xB0, 0x24, 0x1C};  // Event state and important notices; white: 6.6:1.
    Color on_alert{0xFF, 0xFF, 0xFF};
    Color footer{0xE2, 0xDE, 0xD3};  // Footer band; muted ink on it: 5.9:1.
    Color panel{0xFF, 0xFF, 0xFF};
};

// Heights of the header and footer bands. They scale with the shorter side of the screen, so a
// portrait screen gets the same band as a landscape one of the same width and keeps its height
// for content.
[[nodiscard]] inline int header_height(Frame frame) {
    return frame.unit(0.09);
}
[[nodiscard]] inline int footer_height(Frame frame) {
    return frame.unit(0.055);
}

}  // namespace keiji::render
