#pragma once

#include <memory>

#include "render/font_set.hpp"
#include "text/font_metrics.hpp"

namespace keiji::render {

// Measures text the way the renderer will draw it: through the font fallback chain.
class TtfMetrics final : public text::FontMetrics {
public:
    TtfMetrics(FontSet& fonts, Weight weight, int size)
        : m_fonts(fonts), m_weight(weight), m_size(size) {}

    [[nodiscard]] int width(std::u32string_view text) const override;
    [[nodiscard]] int line_height() const override;
    [[nodiscard]] bool has_glyph(char32_t c) const override { return m_fonts.has_glyph(c); }

private:
    FontSet& m_fonts;
    Weight m_weight;
    int m_size;
};

// The font chain at one weight and any size, for fit-to-box and ruby.
class TtfFont final : public text::ScalableFont {
public:
    TtfFont(FontSet& fonts, Weight weight) : m_fonts(fonts), m_weight(weight) {}

    [[nodiscard]] std::unique_ptr<text::FontMetrics> at_size(int pixels) const override {
        return std::make_unique<TtfMetrics>(m_fonts, m_weight, pixels);
    }

private:
    FontSet& m_fonts;
    Weight m_weight;
};

}  // namespace keiji::render
