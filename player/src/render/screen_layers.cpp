// The layers of a Screen: how they are made, painted and blended. See screen.hpp.
#include <algorithm>
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

std::optional<std::size_t> Screen::covering_layer(const std::vector<Layer>& layers) const {
    for (std::size_t i = layers.size(); i-- > 0;) {
        if (is_opaque(layers[i]) && same_rect(layers[i].where, whole(m_frame))) {
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

void Screen::target(SDL_Texture* layer) const {
    finish_painting();
    // A readable layer cannot be a render target: it is painted on the frame (upright, or the
    // output), which the next composition paints over completely, and copied in afterwards.
    if (layer != nullptr && is_streaming(layer)) {
        m_painting = layer;
        SDL_SetRenderTarget(m_renderer.get(), easel());
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
}

bool Screen::blend_crossfade() {
    if (!m_readable_layers || m_upright || m_last_layers.size() < 2) {
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
               rows(output->pixels, output->pitch), first_row, m_frame.height, incoming.alpha);
    SDL_UnlockTexture(incoming.texture);
    SDL_UnlockTexture(outgoing.texture);
    return true;
}

}  // namespace keiji::render
