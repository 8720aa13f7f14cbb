#include "render/canvas.hpp"

#include <SDL_image.h>

#include <algorithm>

#include "render/ttf_metrics.hpp"
#include "text/line_breaker.hpp"
#include "text/utf8.hpp"

namespace keiji::render {

void Canvas::fill(Rect area, Color color) {
    SDL_SetRenderDrawBlendMode(m_renderer, color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(m_renderer, color.r, color.g, color.b, color.a);
    const SDL_Rect rect{area.x, area.y, area.w, area.h};
    SDL_RenderFillRect(m_renderer, &rect);
}

int Canvas::measure(std::string_view content, Weight weight, int size) {
    return TtfMetrics(m_fonts, weight, size).width(text::decode_utf8(content));
}

void Canvas::draw_line(std::u32string_view line, int x, int top, Weight weight, int size,
                       Color color) {
    TTF_Font* primary = m_fonts.primary(weight, size);
    const int baseline = top + (primary != nullptr ? TTF_FontAscent(primary) : size);
    const SDL_Color sdl_color{color.r, color.g, color.b, color.a};
    for (const FontRun& run : m_fonts.runs(line, weight, size)) {
        if (run.font == nullptr) {
            continue;
        }
        const std::string utf8 = text::encode_utf8(run.text);
        SurfaceHandle surface(TTF_RenderUTF8_Blended(run.font, utf8.c_str(), sdl_color));
        if (!surface) {
            continue;
        }
        TextureHandle texture(SDL_CreateTextureFromSurface(m_renderer, surface.get()));
        // Fonts of the chain differ in ascent; aligning every run on one baseline keeps mixed
        // Japanese and Latin text on a straight line.
        const SDL_Rect target{x, baseline - TTF_FontAscent(run.font), surface->w, surface->h};
        SDL_RenderCopy(m_renderer, texture.get(), nullptr, &target);
        x += surface->w;
    }
}

TextResult Canvas::draw_text(std::string_view content, Rect box, const TextStyle& style) {
    TextResult result;
    std::vector<text::Line> lines;
    int line_height = 0;
    // Shrink in steps of about 5 % until the lines fit the box's height.
    for (int size = style.size;; size = std::max(style.min_size, size * 95 / 100)) {
        const TtfMetrics metrics(m_fonts, style.weight, size);
        lines = text::break_lines(content, box.w, metrics);
        line_height = metrics.line_height();
        result.size = size;
        const int needed = int(lines.size()) * line_height - (line_height - size * 5 / 4);
        bool too_wide = false;
        for (const auto& line : lines) {
            too_wide = too_wide || line.width > box.w;
        }
        if ((needed <= box.h && !too_wide) || size <= style.min_size) {
            result.overflow = needed > box.h || too_wide;
            result.height = std::min(needed, box.h);
            break;
        }
    }
    result.lines = int(lines.size());

    int top = box.y;
    if (style.vertical == VerticalAlign::middle) {
        top += std::max(0, (box.h - result.height) / 2);
    } else if (style.vertical == VerticalAlign::bottom) {
        top += std::max(0, box.h - result.height);
    }
    const SDL_Rect clip{box.x, box.y, box.w, box.h};
    SDL_RenderSetClipRect(m_renderer, &clip);
    for (const auto& line : lines) {
        if (top >= box.y + box.h) {
            break;
        }
        int x = box.x;
        if (style.align == Align::center) {
            x += (box.w - line.width) / 2;
        } else if (style.align == Align::end) {
            x += box.w - line.width;
        }
        draw_line(text::decode_utf8(line.text), x, top, style.weight, result.size, style.color);
        top += line_height;
    }
    SDL_RenderSetClipRect(m_renderer, nullptr);
    return result;
}

bool Canvas::draw_image_cover(const std::string& path, Rect box) {
    SurfaceHandle image(IMG_Load(path.c_str()));
    if (!image || image->w <= 0 || image->h <= 0) {
        return false;
    }
    TextureHandle texture(SDL_CreateTextureFromSurface(m_renderer, image.get()));
    if (!texture) {
        return false;
    }
    SDL_SetTextureScaleMode(texture.get(), SDL_ScaleModeLinear);
    // Crop the image to the box's aspect ratio around its centre, then scale.
    const double box_ratio = double(box.w) / box.h;
    const double image_ratio = double(image->w) / image->h;
    SDL_Rect source{0, 0, image->w, image->h};
    if (image_ratio > box_ratio) {
        source.w = int(image->h * box_ratio);
        source.x = (image->w - source.w) / 2;
    } else {
        source.h = int(image->w / box_ratio);
        source.y = (image->h - source.h) / 2;
    }
    const SDL_Rect target{box.x, box.y, box.w, box.h};
    SDL_RenderCopy(m_renderer, texture.get(), &source, &target);
    return true;
}

}  // namespace keiji::render
