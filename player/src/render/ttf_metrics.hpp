#pragma once

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

private:
    FontSet& m_fonts;
    Weight m_weight;
    int m_size;
};

}  // namespace keiji::render
