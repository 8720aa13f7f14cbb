#include "render/ticker.hpp"

#include <cmath>

#include "render/canvas.hpp"

namespace keiji::render {

Ticker::Ticker(const Screen& screen, FontSet& fonts, const std::vector<std::string>& messages,
               const Theme& theme)
    : m_screen(screen), m_background(theme.ticker) {
    const Frame frame = screen.frame();
    const int height = ticker_height(frame);
    m_where = Rect{0, frame.height - footer_height(frame) - height, frame.width, height};
    m_layer = screen.make_layer(m_where.w, m_where.h);
    const int size = height * 50 / 100;
    m_gap = size * 3;
    Canvas canvas(screen.renderer(), fonts);
    for (const std::string& message : messages) {
        if (message.empty()) {
            continue;
        }
        // A small marker before each message tells where one ends and the next begins.
        const std::string text = "◆ " + message;
        Piece piece;
        piece.width = canvas.measure(text, Weight::bold, size) + size / 2;
        piece.texture = screen.make_layer(piece.width, height);
        if (!piece.texture) {
            continue;
        }
        screen.target(piece.texture.get());
        canvas.fill(Rect{0, 0, piece.width, height}, theme.ticker);
        canvas.draw_text(text, Rect{0, 0, piece.width, height},
                         TextStyle{.weight = Weight::bold,
                                   .size = size,
                                   .min_size = size,
                                   .color = theme.on_ticker,
                                   .vertical = VerticalAlign::middle});
        m_cycle += piece.width + m_gap;
        m_pieces.push_back(std::move(piece));
    }
    screen.target(nullptr);
}

void Ticker::paint(std::chrono::steady_clock::duration elapsed) {
    if (m_pieces.empty() || !m_layer) {
        return;
    }
    SDL_Renderer* renderer = m_screen.renderer();
    m_screen.target(m_layer.get());
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer, m_background.r, m_background.g, m_background.b, 255);
    SDL_RenderClear(renderer);
    // The messages enter from the right edge one after another; when the last has left on the
    // left, the first enters again. Whole pixels keep the glyphs sharp while they move.
    const double seconds = std::chrono::duration<double>(elapsed).count();
    const long travelled = std::lround(seconds * speed_per_width * m_where.w);
    long x = m_where.w - travelled % (long(m_cycle) + m_where.w);
    for (const Piece& piece : m_pieces) {
        if (x >= m_where.w) {
            break;
        }
        if (x + piece.width > 0) {
            const SDL_Rect target{int(x), 0, piece.width, m_where.h};
            SDL_RenderCopy(renderer, piece.texture.get(), nullptr, &target);
        }
        x += piece.width + m_gap;
    }
    m_screen.target(nullptr);
}

}  // namespace keiji::render
