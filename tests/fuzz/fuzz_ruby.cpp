// libFuzzer target: Aozora ruby notation (text::parse_ruby) and the line breaker that reads it,
// on any bytes as UTF-8. parse_ruby promises ascending, non-overlapping, non-empty spans inside
// the base text; the layout must never lose or invent a line for text that has some.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/font_metrics.hpp"
#include "text/line_breaker.hpp"
#include "text/ruby.hpp"
#include "text/utf8.hpp"

namespace {

// Full-width characters one em, the rest half an em: enough to drive every layout decision.
class FixedAdvance final : public keiji::text::FontMetrics {
public:
    explicit FixedAdvance(int em) : m_em(em) {}
    [[nodiscard]] int width(std::u32string_view text) const override {
        int half_ems = 0;
        for (const char32_t c : text) {
            half_ems += c < 0x1100 ? 1 : 2;
        }
        return half_ems * m_em / 2;
    }
    [[nodiscard]] int line_height() const override { return m_em * 3 / 2; }

private:
    int m_em;
};

void check_spans(const keiji::text::AnnotatedText& annotated) {
    std::size_t previous_end = 0;
    for (const keiji::text::RubySpan& span : annotated.ruby) {
        if (span.begin < previous_end || span.begin >= span.end ||
            span.end > annotated.base.size() || span.ruby.empty()) {
            std::abort();
        }
        previous_end = span.end;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) {
        return 0;
    }
    // The first byte picks the line width (1 to 256 half-ems of a 10 px font), so narrow boxes
    // that force breaks inside a phrase are explored as much as wide ones.
    const int max_width = (data[0] + 1) * 5;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

    check_spans(keiji::text::parse_ruby(keiji::text::decode_utf8(text)));

    const FixedAdvance base(10);
    const FixedAdvance ruby(5);
    const auto lines = keiji::text::break_lines(text, max_width, {base, &ruby});
    const bool has_text = text.find_first_not_of(" \n") != std::string_view::npos;
    if (has_text && lines.empty()) {
        std::abort();
    }
    return 0;
}
