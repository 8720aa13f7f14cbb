#pragma once

#include <SDL.h>

#include <string>
#include <string_view>

#include "render/font_set.hpp"
#include "render/geometry.hpp"

namespace keiji::render {

enum class Align { start, center, end };
enum class VerticalAlign { top, middle, bottom };

struct TextStyle {
    Weight weight = Weight::regular;
    int size = 32;      // Preferred size in pixels.
    int min_size = 16;  // The text shrinks down to this size to fit its box, no further.
    Color color{};
    Align align = Align::start;
    VerticalAlign vertical = VerticalAlign::top;
};

struct TextResult {
    int size = 0;          // The size the text was drawn at.
    int height = 0;        // Pixels used from the top of the box.
    int lines = 0;
    bool overflow = false; // Even at min_size the text did not fit; it was clipped to the box.
};

// Draws onto whatever the SDL renderer currently targets: shapes, images, and text laid out by
// the text module and drawn through the font fallback chain.
class Canvas {
public:
    Canvas(SDL_Renderer* renderer, FontSet& fonts) : m_renderer(renderer), m_fonts(fonts) {}

    void fill(Rect area, Color color);
    // Width in pixels of one line of `text` as draw_text() would draw it.
    [[nodiscard]] int measure(std::string_view text, Weight weight, int size);
    TextResult draw_text(std::string_view text, Rect box, const TextStyle& style);
    // Scales the image to cover `box` and crops what sticks out (centred). Returns false, drawing
    // nothing, when the image cannot be read.
    bool draw_image_cover(const std::string& path, Rect box);

    [[nodiscard]] FontSet& fonts() { return m_fonts; }

private:
    void draw_line(std::u32string_view line, int x, int top, Weight weight, int size, Color color);

    SDL_Renderer* m_renderer;
    FontSet& m_fonts;
};

}  // namespace keiji::render
