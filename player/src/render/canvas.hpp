#pragma once

#include <SDL.h>

#include <string>
#include <string_view>
#include <vector>

#include "model/item.hpp"
#include "render/font_set.hpp"
#include "render/geometry.hpp"
#include "render/image_cache.hpp"
#include "text/fit_to_box.hpp"
#include "text/line_breaker.hpp"

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
    // BCP 47 tag of the text: picks phrase breaking (BudouX for Japanese) and line rules.
    std::string language = "ja";
    // Titles pass text::PhraseCuts::avoided: a little smaller rather than a word cut in two.
    text::PhraseCuts phrase_cuts = text::PhraseCuts::allowed;
};

struct TextResult {
    int size = 0;    // The size the text was drawn at.
    int height = 0;  // Pixels used from the top of the box.
    int lines = 0;
    bool overflow = false;  // Even at min_size the text did not fit; it was clipped to the box.
    std::string missing_glyphs;  // UTF-8: characters no font has (drawn as boxes), each once.
};

// One draw_text() call as it happened, for checks that judge a slide by what was really drawn
// (keiji validate: overflow, tofu, legibility, contrast).
struct DrawnText {
    std::string text;
    Rect box;
    TextStyle style;
    TextResult result;
};

// Draws onto whatever the SDL renderer currently targets: shapes, images, and text laid out by
// the text module and drawn through the font fallback chain.
class Canvas {
public:
    // `images`: where photos decoded ahead of time are found; nullptr decodes at draw time.
    // A canvas begins a paint, the one moment no font run of an earlier paint is held: the font
    // set closes the sizes it has not used lately there.
    Canvas(SDL_Renderer* renderer, FontSet& fonts, ImageCache* images = nullptr)
        : m_renderer(renderer), m_fonts(fonts), m_images(images) {
        m_fonts.close_idle_fonts();
    }

    void fill(Rect area, Color color);
    // Width in pixels of one line of `text` as draw_text() would draw it.
    [[nodiscard]] int measure(std::string_view text, Weight weight, int size);
    TextResult draw_text(std::string_view text, Rect box, const TextStyle& style);
    // Scales the image to cover `box` and crops what sticks out, keeping `focus` (a point of the
    // image in fractions of its size) as near the box's centre as the image allows. Returns
    // false, drawing nothing, when the image cannot be read.
    bool draw_image_cover(const std::string& path, Rect box, model::FocalPoint focus = {});

    [[nodiscard]] FontSet& fonts() { return m_fonts; }
    // Appends every later draw_text() to `log` (nullptr: stop recording). Not owned.
    void record_text(std::vector<DrawnText>* log) { m_text_log = log; }
    [[nodiscard]] SDL_Renderer* renderer() const { return m_renderer; }

private:
    // Draws `text` with its baseline at `baseline`, run by run through the fallback chain.
    void draw_run(std::u32string_view text, int x, int baseline, Weight weight, int size,
                  Color color);
    void draw_line(const text::Line& line, int x, int baseline, const TextStyle& style, int size,
                   int ruby_size);

    SDL_Renderer* m_renderer;
    FontSet& m_fonts;
    ImageCache* m_images;
    std::vector<DrawnText>* m_text_log = nullptr;
};

}  // namespace keiji::render
