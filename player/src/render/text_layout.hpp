#pragma once

#include <string>

#include "model/error.hpp"
#include "text/fit_to_box.hpp"

namespace keiji::render {

// What `keiji layout` (and the studio's ruby helper) asks: how the renderer would break `text`.
struct LayoutRequest {
    std::string text;             // With "\n" and Aozora ruby notation.
    int width = 0;                // Line width in pixels.
    int size = 0;                 // Font size in pixels.
    int height = 0;               // > 0: fit into this height, shrinking down to min_size.
    int min_size = 0;             // 0: half of size.
    std::string language = "ja";  // BCP 47; picks the font chain and the line-breaking rules.
    bool bold = false;
};

// The lines, the size chosen, overflow, ruby and missing glyphs, with the real fonts of the
// language's chain. Needs SDL_ttf started (SdlRuntime). Fails only when no font can be opened.
[[nodiscard]] model::Result<text::FitResult> lay_out(const LayoutRequest& request);

}  // namespace keiji::render
