#pragma once

#include <memory>
#include <string_view>

#include "text/font_metrics.hpp"

namespace keiji::test {

// A deterministic font for layout tests: full-width characters advance 1 em, half-width ones
// (ASCII, Latin, half-width katakana) half an em; line height 1.5 em. Characters listed in
// `missing` have no glyph.
class FakeMetrics final : public text::FontMetrics {
public:
    explicit FakeMetrics(int em, std::u32string_view missing = {}) : m_em(em), m_missing(missing) {}

    [[nodiscard]] static bool is_half_width(char32_t c) {
        return c < 0x1100 || (c >= 0xFF61 && c <= 0xFF9F) || (c >= 0x2000 && c <= 0x206F);
    }
    [[nodiscard]] int width(std::u32string_view text) const override {
        int half_ems = 0;
        for (const char32_t c : text) {
            half_ems += is_half_width(c) ? 1 : 2;
        }
        return half_ems * m_em / 2;
    }
    [[nodiscard]] int line_height() const override { return m_em * 3 / 2; }
    [[nodiscard]] bool has_glyph(char32_t c) const override {
        return m_missing.find(c) == std::u32string_view::npos;
    }

private:
    int m_em;
    std::u32string_view m_missing;
};

class FakeFont final : public text::ScalableFont {
public:
    explicit FakeFont(std::u32string_view missing = {}) : m_missing(missing) {}
    [[nodiscard]] std::unique_ptr<text::FontMetrics> at_size(int pixels) const override {
        return std::make_unique<FakeMetrics>(pixels, m_missing);
    }

private:
    std::u32string_view m_missing;
};

}  // namespace keiji::test
