#include "render/text_layout.hpp"

#include "render/font_set.hpp"
#include "render/ttf_metrics.hpp"
#include "text/utf8.hpp"

namespace keiji::render {

model::Result<text::FitResult> lay_out(const LayoutRequest& request) {
    FontSet fonts = KEIJI_TRY(FontSet::create(FontSet::chain_for_language(request.language)));
    const TtfFont font(fonts, request.bold ? Weight::bold : Weight::regular);
    const int min_size = request.min_size > 0 ? request.min_size : request.size / 2;
    const text::FitRequest fit{
        .width = request.width,
        // Without a height the box is unbounded and the text stays at its size.
        .height = request.height > 0 ? request.height : 1 << 30,
        .preferred_size = request.size,
        .min_size = request.height > 0 ? min_size : request.size,
        .script = text::script_of_language(request.language)};
    return text::fit_to_box(request.text, fit, font);
}

}  // namespace keiji::render
