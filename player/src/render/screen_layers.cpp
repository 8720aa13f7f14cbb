// The layers of a Screen: how they are made, painted and blended. See screen.hpp.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <utility>

#include "render/pixel_blend.hpp"
#include "render/screen.hpp"

namespace keiji::render {

namespace {

bool same_rect(const Rect& a, const Rect& b) {
    return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

Rect whole(Frame frame) {
    return Rect{0, 0, frame.width, frame.height};
}

// Drawn at full alpha from a texture without an alpha channel: nothing under it shows.
bool is_opaque(const Layer& layer) {
    Uint32 format = 0;
    return layer.texture != nullptr && layer.alpha == 255 &&
           SDL_QueryTexture(layer.texture, &format, nullptr, nullptr, nullptr) == 0 &&
           !SDL_ISPIXELFORMAT_ALPHA(format);
}

bool is_streaming(SDL_Texture* texture) {
    int access = 0;
    return SDL_QueryTexture(texture, nullptr, &access, nullptr, nullptr) == 0 &&
           access == SDL_TEXTUREACCESS_STREAMING;
}

}  // namespace

std::optional<std::size_t> Screen::covering_layer(const std::vector<Layer>& layers,
                                                  const Rect& region) const {
    for (std::size_t i = layers.size(); i-- > 0;) {
        if (is_opaque(layers[i]) && contains(layers[i].where, region)) {
            return i;
        }
    }
    return std::nullopt;
}

TextureHandle Screen::make_layer(int width, int height) const {
    TextureHandle layer(SDL_CreateTexture(m_renderer.get(), SDL_PIXELFORMAT_ARGB8888,
                                          SDL_TEXTUREACCESS_TARGET, width, height));
    if (layer) {
        SDL_SetTextureBlendMode(layer.get(), SDL_BLENDMODE_BLEND);
    }
    return layer;
}

TextureHandle Screen::make_opaque_layer(int width, int height) const {
    if (!renders_in_software()) {
        // A GPU blends either kind at the same cost; the proven format stays.
        return make_layer(width, height);
    }
    // compose() picks its blend mode for each frame (set_blend_for_alpha).
    const bool readable = m_readable_layers && width <= m_frame.width && height <= m_frame.height;
    return TextureHandle(SDL_CreateTexture(
        m_renderer.get(), SDL_PIXELFORMAT_RGB888,
        readable ? SDL_TEXTUREACCESS_STREAMING : SDL_TEXTUREACCESS_TARGET, width, height));
}

bool Screen::pixels_are_ours(SDL_Texture* layer) const {
    return layer != nullptr && renders_in_software() && is_streaming(layer);
}

void Screen::release_pixels(SDL_Texture* layer) const {
    int height = 0;
    void* pixels = nullptr;
    int pitch = 0;
    // On the software renderer a streaming texture's pixels are its own, not a copy to upload.
    if (layer == nullptr || !renders_in_software() || !is_streaming(layer) ||
        SDL_QueryTexture(layer, nullptr, nullptr, nullptr, &height) != 0 ||
        SDL_LockTexture(layer, nullptr, &pixels, &pitch) != 0) {
        return;
    }
    // Only whole pages inside the pixels: the ends may share a page with other memory.
    const auto page = std::uintptr_t(::sysconf(_SC_PAGESIZE));
    const auto start = reinterpret_cast<std::uintptr_t>(pixels);
    const std::uintptr_t first = (start + page - 1) / page * page;
    const std::uintptr_t end =
        (start + std::uintptr_t(pitch) * std::uintptr_t(height)) / page * page;
    if (end > first) {
        ::madvise(reinterpret_cast<void*>(first), end - first, MADV_DONTNEED);
    }
    SDL_UnlockTexture(layer);
}

void Screen::target(SDL_Texture* layer) const {
    finish_painting();
    if (layer != nullptr) {
        m_repainted.push_back(layer);
    }
    // A readable layer cannot be a render target: it is painted on the frame (upright, or the
    // output), where the next composition paints over it, and copied in afterwards.
    int width = 0;
    int height = 0;
    if (layer != nullptr && is_streaming(layer) &&
        SDL_QueryTexture(layer, nullptr, nullptr, &width, &height) == 0) {
        m_painting = layer;
        SDL_Texture* on = easel();
        SDL_SetRenderTarget(m_renderer.get(), on);
        if (on == nullptr) {
            // Painting stays inside the layer's rectangle, and that part of the output is
            // composed again at the next present (even when only the header changed).
            const SDL_Rect inside{0, 0, width, height};
            SDL_RenderSetViewport(m_renderer.get(), &inside);
            m_painted_on_output = bounding(m_painted_on_output, Rect{0, 0, width, height});
        }
        return;
    }
    SDL_SetRenderTarget(m_renderer.get(), layer);
}

SDL_Texture* Screen::easel() const {
    if (m_upright) {
        return m_upright.get();
    }
    const SDL_Surface* output = output_surface();
    if (output != nullptr && output->w == m_frame.width && output->h == m_frame.height) {
        return nullptr;  // The output itself.
    }
    // A window resized since it opened: SDL scales what is drawn on it to the new size, so
    // layers are painted on a frame of their own instead.
    if (!m_easel) {
        m_easel.reset(SDL_CreateTexture(m_renderer.get(), SDL_PIXELFORMAT_RGB888,
                                        SDL_TEXTUREACCESS_TARGET, m_frame.width, m_frame.height));
    }
    return m_easel.get();
}

void Screen::finish_painting() const {
    SDL_Texture* layer = std::exchange(m_painting, nullptr);
    int width = 0;
    int height = 0;
    void* pixels = nullptr;
    int pitch = 0;
    if (layer == nullptr || SDL_QueryTexture(layer, nullptr, nullptr, &width, &height) != 0 ||
        SDL_LockTexture(layer, nullptr, &pixels, &pitch) != 0) {
        return;
    }
    // On the software renderer a streaming texture's pixels are its own: read straight in.
    const SDL_Rect painted{0, 0, width, height};
    SDL_RenderReadPixels(m_renderer.get(), &painted, SDL_PIXELFORMAT_RGB888, pixels, pitch);
    SDL_UnlockTexture(layer);
    if (easel() == nullptr) {
        SDL_RenderSetViewport(m_renderer.get(), nullptr);
    }
}

LayerPlacement Screen::placement(const Layer& layer, bool repainted, Rect repainted_part) const {
    return LayerPlacement{layer.texture,    layer.where, layer.alpha,
                          is_opaque(layer), repainted,   repainted_part};
}

Rect Screen::region_to_compose(const std::vector<Layer>& next) const {
    const Rect frame = whole(m_frame);
    const SDL_Surface* output = output_surface();
    // Only a frame that stays in memory between presents keeps what was not composed again; a
    // GPU's buffers are swapped, and a rotated frame is turned whole.
    if (m_whole_frame_due || m_upright || output == nullptr || output->w != m_frame.width ||
        output->h != m_frame.height) {
        return frame;
    }
    std::vector<LayerPlacement> before;
    std::vector<LayerPlacement> after;
    for (const Layer& layer : m_last_layers) {
        before.push_back(placement(layer, false));
    }
    for (const Layer& layer : next) {
        const bool whole = std::ranges::find(m_repainted, layer.texture) != m_repainted.end();
        Rect part{};
        for (const auto& [texture, changed] : m_changed_parts) {
            if (texture == layer.texture) {
                part = bounding(part, changed);
            }
        }
        after.push_back(placement(layer, whole || !is_empty(part), whole ? Rect{} : part));
    }
    return bounding(changed_region(before, after, m_frame),
                    intersection(m_painted_on_output, frame));
}

bool Screen::blend_crossfade(const Rect& region) {
    if (!m_readable_layers || m_upright || m_last_layers.size() < 2 || region.x != 0 ||
        region.w != m_frame.width) {
        return false;
    }
    const Layer& outgoing = m_last_layers[0];
    const Layer& incoming = m_last_layers[1];
    if (outgoing.texture == nullptr || incoming.texture == nullptr || outgoing.alpha != 255 ||
        incoming.alpha == 0 || incoming.alpha == 255 ||
        !same_rect(outgoing.where, whole(m_frame)) || !same_rect(incoming.where, whole(m_frame)) ||
        !is_streaming(outgoing.texture) || !is_streaming(incoming.texture)) {
        return false;
    }
    SDL_Surface* output = output_surface();
    if (output == nullptr || output->w != m_frame.width || output->h != m_frame.height ||
        output->format->BytesPerPixel != 4 || SDL_MUSTLOCK(output)) {
        return false;
    }
    // The header is drawn over the top rows at full alpha whatever they hold.
    int first_row = 0;
    for (std::size_t i = 2; i < m_last_layers.size(); ++i) {
        const Layer& band = m_last_layers[i];
        if (is_opaque(band) && band.where.x == 0 && band.where.y == 0 &&
            band.where.w == m_frame.width) {
            first_row = std::max(first_row, std::min(band.where.h, m_frame.height));
        }
    }
    void* from_pixels = nullptr;
    void* to_pixels = nullptr;
    int from_pitch = 0;
    int to_pitch = 0;
    if (SDL_LockTexture(outgoing.texture, nullptr, &from_pixels, &from_pitch) != 0) {
        return false;
    }
    if (SDL_LockTexture(incoming.texture, nullptr, &to_pixels, &to_pitch) != 0) {
        SDL_UnlockTexture(outgoing.texture);
        return false;
    }
    // Drawing SDL still has queued must land before ours.
    SDL_RenderFlush(m_renderer.get());
    const auto rows = [&](void* pixels, int pitch) {
        return PixelRows{static_cast<std::uint8_t*>(pixels), pitch, m_frame.width, m_frame.height};
    };
    blend_rows(rows(from_pixels, from_pitch), rows(to_pixels, to_pitch),
               rows(output->pixels, output->pitch), std::max(first_row, region.y),
               std::min(m_frame.height, region.y + region.h), incoming.alpha);
    SDL_UnlockTexture(incoming.texture);
    SDL_UnlockTexture(outgoing.texture);
    return true;
}

}  // namespace keiji::render
