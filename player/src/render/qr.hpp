#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "render/canvas.hpp"
#include "render/geometry.hpp"

namespace keiji::render {

// The modules of a QR code, without its quiet zone.
struct QrCode {
    int modules = 0;         // Modules per side.
    std::vector<bool> dark;  // Row by row, modules × modules.
    [[nodiscard]] bool is_dark(int x, int y) const { return dark[std::size_t(y * modules + x)]; }
};

// Encodes `text` (a URL) with error correction level M, which survives a scuffed or partly
// reflecting screen. nullopt when the text is empty or too long for a QR code.
[[nodiscard]] std::optional<QrCode> encode_qr(std::string_view text);

// Paints `code` with its 4-module quiet zone, as large as fits in a `side`-pixel square whose
// top-left corner is (x, y), with whole-pixel modules so phone cameras see sharp edges. Returns
// the square painted (quiet zone included).
Rect paint_qr(Canvas& canvas, const QrCode& code, int x, int y, int side, Color dark, Color light);

}  // namespace keiji::render
