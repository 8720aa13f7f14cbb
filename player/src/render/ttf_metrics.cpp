#include "render/ttf_metrics.hpp"

#include <algorithm>

namespace keiji::render {

int TtfMetrics::width(std::u32string_view text) const {
    return m_fonts.text_width(text, m_weight, m_size);
}

int TtfMetrics::line_height() const {
    TTF_Font* font = m_fonts.primary(m_weight, m_size);
    // Japanese body text reads best with about 1.5 em between baselines (JLREQ suggests 50–100 %
    // of the character size as line gap); the font's own line skip is tighter than that.
    const int relaxed = m_size * 3 / 2;
    return font == nullptr ? relaxed : std::max(TTF_FontLineSkip(font), relaxed);
}

}  // namespace keiji::render
