#include "render/qr.hpp"

#include <qrencode.h>

#include <memory>
#include <string>

namespace keiji::render {

namespace {

constexpr int quiet_zone = 4;  // Modules of light margin the QR specification asks for.

struct QrCodeDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::optional<QrCode> encode_qr(std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    const std::string terminated(text);
    const std::unique_ptr<QRcode, QrCodeDeleter> encoded(
        QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!encoded) {
        return std::nullopt;
    }
    QrCode code;
    code.modules = encoded->width;
    code.dark.resize(std::size_t(code.modules * code.modules));
    for (std::size_t i = 0; i < code.dark.size(); ++i) {
        // Bit 0 of each byte is the module's colour; the other bits describe its role.
        code.dark[i] = (encoded->data[i] & 1) != 0;
    }
    return code;
}

Rect paint_qr(Canvas& canvas, const QrCode& code, int x, int y, int side, Color dark, Color light) {
    const int total = code.modules + 2 * quiet_zone;
    const int module = std::max(1, side / total);
    const int painted = module * total;
    // Centre the whole-pixel code in the square it was given.
    const int left = x + (side - painted) / 2;
    const int top = y + (side - painted) / 2;
    canvas.fill(Rect{left, top, painted, painted}, light);
    const int origin_x = left + quiet_zone * module;
    const int origin_y = top + quiet_zone * module;
    for (int row = 0; row < code.modules; ++row) {
        // Runs of dark modules are one rectangle each: fewer draw calls than one per module.
        int column = 0;
        while (column < code.modules) {
            if (!code.is_dark(column, row)) {
                ++column;
                continue;
            }
            const int start = column;
            while (column < code.modules && code.is_dark(column, row)) {
                ++column;
            }
            canvas.fill(Rect{origin_x + start * module, origin_y + row * module,
                             (column - start) * module, module},
                        dark);
        }
    }
    return Rect{left, top, painted, painted};
}

}  // namespace keiji::render
