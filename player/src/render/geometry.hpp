#pragma once

#include <cstdint>

namespace keiji::render {

struct Color {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
    std::uint8_t a = 255;
};

struct Rect {
    int x = 0;
    int y = 0;
    int w = 0;
    int h = 0;
};

// Layout in fractions of the screen keeps one design right at 1280×720, 1920×1080 and 4K.
struct Frame {
    int width = 0;
    int height = 0;
    [[nodiscard]] int x(double fraction) const { return int(fraction * width + 0.5); }
    [[nodiscard]] int y(double fraction) const { return int(fraction * height + 0.5); }
    // A length that scales with the shorter side, for type sizes and margins.
    [[nodiscard]] int unit(double fraction) const {
        return int(fraction * (width < height ? width : height) + 0.5);
    }
};

}  // namespace keiji::render
