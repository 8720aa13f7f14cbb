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

// The largest rectangle of `width`:`height` centred in `box`, in even sizes (what YUV 4:2:0
// scalers and SDL's YUV textures want): where a film goes. `box` when either is unknown (0).
[[nodiscard]] inline Rect fit_inside(Rect box, int width, int height) {
    if (width <= 0 || height <= 0 || box.w <= 0 || box.h <= 0) {
        return box;
    }
    const double scale_w = double(box.w) / width;
    const double scale_h = double(box.h) / height;
    const double scale = scale_w < scale_h ? scale_w : scale_h;
    const int w = int(width * scale) / 2 * 2;
    const int h = int(height * scale) / 2 * 2;
    const Rect fitted{box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w < 2 ? 2 : w,
                      h < 2 ? 2 : h};
    return fitted;
}

}  // namespace keiji::render
