#pragma once

#include <string>

namespace keiji::app {

struct LayoutOptions {
    std::string text;             // With "\n" and Aozora ruby notation; "-" reads stdin.
    int width = 0;                // Line width in pixels.
    int size = 0;                 // Font size in pixels.
    int height = 0;               // > 0: fit into this height, shrinking down to min_size.
    int min_size = 0;             // 0: half of size.
    std::string language = "ja";  // BCP 47; picks the font chain and the line-breaking rules.
    bool bold = false;
    bool json = false;
};

// Runs `keiji layout`: prints the lines the renderer would draw with the real fonts, one a line,
// or with --json the widths, chosen size, overflow, ruby and missing glyphs. Returns 0, or 1
// when no font can be opened.
[[nodiscard]] int run_layout(const LayoutOptions& options);

}  // namespace keiji::app
