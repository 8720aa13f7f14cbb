#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "render/font_set.hpp"
#include "render/screen.hpp"
#include "render/theme.hpp"

namespace keiji::render {

// The optional bottom ticker: short notices scrolling right to left in a band above the footer.
// Each message is rasterised once into its own texture (a long strip could pass the GPU's
// texture size limit at 4K); a frame only copies the two or three visible pieces into the band
// layer, so scrolling costs a few small copies plus the frame's composition.
class Ticker {
public:
    // Pixels per second as a fraction of the screen width: a 1920-wide screen scrolls 134 px/s,
    // about four characters a second at the band's type size, calm enough to read while walking.
    static constexpr double speed_per_width = 0.07;

    Ticker(const Screen& screen, FontSet& fonts, const std::vector<std::string>& messages,
           const Theme& theme);

    [[nodiscard]] bool empty() const { return m_pieces.empty(); }
    // Where the band layer goes on the screen.
    [[nodiscard]] Rect where() const { return m_where; }
    [[nodiscard]] SDL_Texture* layer() const { return m_layer.get(); }

    // Repaints the band layer as it looks `elapsed` after the ticker started.
    void paint(std::chrono::steady_clock::duration elapsed);

private:
    struct Piece {
        TextureHandle texture;
        int width = 0;
    };

    const Screen& m_screen;
    Color m_background;
    Rect m_where;
    TextureHandle m_layer;
    std::vector<Piece> m_pieces;
    int m_cycle = 0;  // Width of all pieces with their gaps: the scroll repeats after it.
    int m_gap = 0;
};

}  // namespace keiji::render
