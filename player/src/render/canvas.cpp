#include "render/canvas.hpp"

#include <algorithm>

#include "render/image_file.hpp"
#include "render/ttf_metrics.hpp"
#include "text/fit_to_box.hpp"
#include "text/line_breaker.hpp"
#include "text/ruby.hpp"
#include "text/utf8.hpp"

namespace keiji::render {

void Canvas::fill(Rect area, Color color) {
    SDL_SetRenderDrawBlendMode(m_renderer,
                               color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(m_renderer, color.r, color.g, color.b, color.a);
    const SDL_Rect rect{area.x, area.y, area.w, area.h};
    SDL_RenderFillRect(m_renderer, &rect);
}

int Canvas::measure(std::string_view content, Weight weight, int size) {
    // What goes on the line: ruby notation (岐阜県《ぎふけん》) is drawn above it, not across.
    return TtfMetrics(m_fonts, weight, size)
        .width(text::parse_ruby(text::decode_utf8(content)).base);
}

void Canvas::draw_run(std::u32string_view content, int x, int baseline, Weight weight, int size,
                      Color color) {
    const std::uint32_t rgb =
        (std::uint32_t(color.r) << 16) | (std::uint32_t(color.g) << 8) | std::uint32_t(color.b);
    for (const FontRun& run : m_fonts.runs(content, weight, size)) {
        // Rasterised once per text, font and opacity; a redraw only colours the cached coverage.
        const Coverage* coverage = m_fonts.rasterise(run, color.a);
        if (coverage == nullptr) {
            continue;
        }
        TextureHandle texture(SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_ARGB8888,
                                                SDL_TEXTUREACCESS_STREAMING, coverage->width,
                                                coverage->height));
        void* pixels = nullptr;
        int pitch = 0;
        if (!texture || SDL_LockTexture(texture.get(), nullptr, &pixels, &pitch) != 0) {
            continue;
        }
        // The pixels SDL_ttf makes for this colour: its RGB, the glyphs' coverage as alpha.
        for (int y = 0; y < coverage->height; ++y) {
            auto* row = reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(pixels) +
                                                         std::ptrdiff_t(y) * pitch);
            const std::uint8_t* alpha =
                coverage->alpha.data() + std::size_t(y) * std::size_t(coverage->width);
            for (int i = 0; i < coverage->width; ++i) {
                row[i] = (std::uint32_t(alpha[i]) << 24) | rgb;
            }
        }
        SDL_UnlockTexture(texture.get());
        SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
        // Fonts of the chain differ in ascent; aligning every run on one baseline keeps mixed
        // Japanese and Latin text on a straight line.
        const SDL_Rect target{x, baseline - TTF_FontAscent(run.font), coverage->width,
                              coverage->height};
        SDL_RenderCopy(m_renderer, texture.get(), nullptr, &target);
        x += m_fonts.run_width(run);
    }
}

void Canvas::draw_line(const text::Line& line, int x, int baseline, const TextStyle& style,
                       int size, int ruby_size) {
    const TtfMetrics metrics(m_fonts, style.weight, size);
    const TtfMetrics ruby_metrics(m_fonts, style.weight, ruby_size);
    // Ruby sits just above the base's em box (its top is about 0.88 em above the baseline in
    // BIZ UD Gothic and Noto CJK), with a hairline of space.
    const int ruby_baseline = baseline - size * 88 / 100 - std::max(1, ruby_size / 8);
    for (const text::Piece& piece : line.pieces) {
        if (piece.ruby.empty()) {
            draw_run(piece.base, x, baseline, style.weight, size, style.color);
        } else {
            // Base and reading are centred on each other; the wider one sets the advance.
            const int base_width = metrics.width(piece.base);
            const int ruby_width = ruby_metrics.width(piece.ruby);
            draw_run(piece.base, x + (piece.width - base_width) / 2, baseline, style.weight, size,
                     style.color);
            draw_run(piece.ruby, x + (piece.width - ruby_width) / 2, ruby_baseline, style.weight,
                     ruby_size, style.color);
        }
        x += piece.width;
    }
}

TextResult Canvas::draw_text(std::string_view content, Rect box, const TextStyle& style) {
    const TtfFont font(m_fonts, style.weight);
    const text::FitResult fit =
        text::fit_to_box(content,
                         text::FitRequest{.width = box.w,
                                          .height = box.h,
                                          .preferred_size = style.size,
                                          .min_size = style.min_size,
                                          .script = text::script_of_language(style.language),
                                          .phrase_cuts = style.phrase_cuts},
                         font);
    TextResult result;
    result.size = fit.size;
    result.lines = int(fit.lines.size());
    result.overflow = fit.overflow;
    result.height = std::min(fit.height, box.h);
    result.missing_glyphs = text::encode_utf8(fit.missing_glyphs);

    int top = box.y + fit.ruby_reserve;
    if (style.vertical == VerticalAlign::middle) {
        top += std::max(0, (box.h - result.height) / 2);
    } else if (style.vertical == VerticalAlign::bottom) {
        top += std::max(0, box.h - result.height);
    }
    TTF_Font* primary = m_fonts.primary(style.weight, fit.size);
    const int ascent = primary != nullptr ? TTF_FontAscent(primary) : fit.size;
    // Hanging 、。 may stick out past the right edge by up to one em: JLREQ's ぶら下げ.
    const SDL_Rect clip{box.x, box.y, box.w + fit.size, box.h};
    SDL_RenderSetClipRect(m_renderer, &clip);
    for (const text::Line& line : fit.lines) {
        if (top >= box.y + box.h) {
            break;
        }
        // Alignment uses the line without its hanging punctuation, which sits outside the box.
        const int body_width = line.width - line.hanging;
        int x = box.x;
        if (style.align == Align::center) {
            x += (box.w - body_width) / 2;
        } else if (style.align == Align::end) {
            x += box.w - body_width;
        }
        draw_line(line, x, top + ascent, style, fit.size, fit.ruby_size);
        top += fit.line_height;
    }
    SDL_RenderSetClipRect(m_renderer, nullptr);
    if (m_text_log != nullptr) {
        m_text_log->push_back(DrawnText{std::string(content), box, style, result});
    }
    return result;
}

bool Canvas::draw_image_cover(const std::string& path, Rect box, model::FocalPoint focus) {
    // The player's photos come from its cache, scaled once to the size they are drawn at
    // (ImageCache::fitted); a check's straight from the file.
    TextureHandle made_here;
    SDL_Texture* texture = nullptr;
    int width = 0;
    int height = 0;
    if (m_images != nullptr) {
        const SDL_Point size = m_images->size(path, m_renderer);
        width = size.x;
        height = size.y;
    } else if (auto loaded = load_image(path)) {
        made_here.reset(SDL_CreateTextureFromSurface(m_renderer, loaded->get()));
        texture = made_here.get();
        if (texture != nullptr) {
            SDL_QueryTexture(texture, nullptr, nullptr, &width, &height);
        }
    }
    if (width <= 0 || height <= 0 || box.w <= 0 || box.h <= 0) {
        return false;
    }
    // Crop the image to the box's aspect ratio, centred on the focal point but never past the
    // image's edges, then scale.
    const double box_ratio = double(box.w) / box.h;
    const double image_ratio = double(width) / height;
    const auto place = [](double centre, int crop, int full) {
        return std::clamp(int(centre * full - crop / 2.0 + 0.5), 0, full - crop);
    };
    SDL_Rect source{0, 0, width, height};
    if (image_ratio > box_ratio) {
        source.w = std::max(1, int(height * box_ratio));
        source.x = place(std::clamp(focus.x, 0.0, 1.0), source.w, width);
    } else {
        source.h = std::max(1, int(width / box_ratio));
        source.y = place(std::clamp(focus.y, 0.0, 1.0), source.h, height);
    }
    const SDL_Rect target{box.x, box.y, box.w, box.h};
    if (m_images != nullptr) {
        if (SDL_Texture* fitted = m_images->fitted(path, m_renderer, source, box.w, box.h)) {
            SDL_RenderCopy(m_renderer, fitted, nullptr, &target);
            return true;
        }
        texture = m_images->texture(path, m_renderer);  // An image with alpha: as it is.
        if (texture == nullptr) {
            return false;
        }
    }
    SDL_SetTextureScaleMode(texture, SDL_ScaleModeLinear);
    SDL_RenderCopy(m_renderer, texture, &source, &target);
    return true;
}

}  // namespace keiji::render
