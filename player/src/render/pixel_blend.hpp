#pragma once

#include <cstdint>

namespace keiji::render {

// Rows of 32-bit pixels, 8 bits a channel (XRGB or ARGB: the top byte is never read).
struct PixelRows {
    std::uint8_t* pixels = nullptr;
    int pitch = 0;  // Bytes from one row to the next.
    int width = 0;
    int height = 0;

    [[nodiscard]] std::uint32_t* row(int y) const {
        return reinterpret_cast<std::uint32_t*>(pixels + std::ptrdiff_t(y) * pitch);
    }
};

// One crossfade frame over rows [first_row, end_row) of three frames of the same size:
// into = from × (1 − alpha/255) + to × alpha/255 per channel, the top byte set to 0xFF (opaque
// ARGB). Each pixel of `from` and `to` is read once and each of `into` written once: SDL's
// software renderer copies `from` and then blends `to` over the copy, three times the memory
// traffic. SSE2 where the compiler targets it (every x86-64), a loop the compiler may
// vectorise elsewhere; both give the same pixels. Within one level of the exact blend, exact at
// alpha 0 and 255.
void blend_rows(const PixelRows& from, const PixelRows& to, const PixelRows& into, int first_row,
                int end_row, std::uint8_t alpha);

// The same, one pixel at a time and without vector instructions: the portable fallback, and
// what the tests hold the fast path to.
[[nodiscard]] std::uint32_t blend_pixel(std::uint32_t from, std::uint32_t to, std::uint8_t alpha);

}  // namespace keiji::render
