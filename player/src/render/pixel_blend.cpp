#include "render/pixel_blend.hpp"

#include <cstddef>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace keiji::render {

namespace {

constexpr std::uint32_t opaque = 0xFF000000u;

// Weights out of 256, so a shift divides: 255 becomes 256 and the incoming pixel comes out
// exactly; the largest sum, 255 × 256, still fits in 16 bits for the vector lanes.
unsigned weight_of(std::uint8_t alpha) {
    return alpha + (alpha >> 7);
}

void blend_row_scalar(const std::uint32_t* from, const std::uint32_t* to, std::uint32_t* into,
                      int count, unsigned weight) {
    const unsigned keep = 256 - weight;
    for (int x = 0; x < count; ++x) {
        const std::uint32_t a = from[x];
        const std::uint32_t b = to[x];
        // Red and blue together, green alone: no channel spills into the next.
        const std::uint32_t red_blue =
            (((a & 0xFF00FFu) * keep + (b & 0xFF00FFu) * weight) >> 8) & 0xFF00FFu;
        const std::uint32_t green =
            (((a & 0x00FF00u) * keep + (b & 0x00FF00u) * weight) >> 8) & 0x00FF00u;
        into[x] = opaque | red_blue | green;
    }
}

#if defined(__SSE2__)
void blend_row_sse2(const std::uint32_t* from, const std::uint32_t* to, std::uint32_t* into,
                    int count, unsigned weight) {
    const __m128i incoming = _mm_set1_epi16(short(weight));
    const __m128i outgoing = _mm_set1_epi16(short(256 - weight));
    const __m128i zero = _mm_setzero_si128();
    const __m128i alpha_byte = _mm_set1_epi32(int(opaque));
    int x = 0;
    // Four pixels at a time: bytes widened to 16-bit lanes, weighted, summed, shifted, packed.
    for (; x + 4 <= count; x += 4) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from + x));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(to + x));
        const __m128i low =
            _mm_srli_epi16(_mm_add_epi16(_mm_mullo_epi16(_mm_unpacklo_epi8(a, zero), outgoing),
                                         _mm_mullo_epi16(_mm_unpacklo_epi8(b, zero), incoming)),
                           8);
        const __m128i high =
            _mm_srli_epi16(_mm_add_epi16(_mm_mullo_epi16(_mm_unpackhi_epi8(a, zero), outgoing),
                                         _mm_mullo_epi16(_mm_unpackhi_epi8(b, zero), incoming)),
                           8);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(into + x),
                         _mm_or_si128(_mm_packus_epi16(low, high), alpha_byte));
    }
    blend_row_scalar(from + x, to + x, into + x, count - x, weight);
}
#endif

}  // namespace

std::uint32_t blend_pixel(std::uint32_t from, std::uint32_t to, std::uint8_t alpha) {
    std::uint32_t out = 0;
    blend_row_scalar(&from, &to, &out, 1, weight_of(alpha));
    return out;
}

void blend_rows(const PixelRows& from, const PixelRows& to, const PixelRows& into, int first_row,
                int end_row, std::uint8_t alpha) {
    const unsigned weight = weight_of(alpha);
    for (int y = first_row; y < end_row; ++y) {
#if defined(__SSE2__)
        blend_row_sse2(from.row(y), to.row(y), into.row(y), into.width, weight);
#else
        blend_row_scalar(from.row(y), to.row(y), into.row(y), into.width, weight);
#endif
    }
}

}  // namespace keiji::render
