#pragma once

#include <memory>
#include <string_view>

namespace keiji::text {

// How wide text is in one font at one size. The renderer implements it over SDL2_ttf (with its
// font fallback); tests use a fixed-advance fake, which keeps the layout code pure.
class FontMetrics {
public:
    virtual ~FontMetrics() = default;
    // Width in pixels of `text` (UTF-32) drawn as one run.
    [[nodiscard]] virtual int width(std::u32string_view text) const = 0;
    // Distance in pixels from one baseline to the next.
    [[nodiscard]] virtual int line_height() const = 0;
    // False when no font can draw `c`: it would show as a box (tofu), which layout reports.
    [[nodiscard]] virtual bool has_glyph(char32_t /*c*/) const { return true; }
};

// A font at any size: what fit-to-box needs to try smaller sizes, and ruby its half size.
class ScalableFont {
public:
    virtual ~ScalableFont() = default;
    // Metrics at `pixels` (> 0).
    [[nodiscard]] virtual std::unique_ptr<FontMetrics> at_size(int pixels) const = 0;
};

}  // namespace keiji::text
