#include "render/image_cache.hpp"

#include <algorithm>

#include "render/image_file.hpp"

namespace keiji::render {

namespace {

// A 32-bit surface with an alpha channel whose every pixel is fully opaque.
bool is_opaque_with_alpha(SDL_Surface* surface) {
    const SDL_PixelFormat* format = surface->format;
    if (!SDL_ISPIXELFORMAT_ALPHA(format->format) || format->BytesPerPixel != 4 ||
        SDL_LockSurface(surface) != 0) {
        return false;
    }
    bool opaque = true;
    for (int y = 0; y < surface->h && opaque; ++y) {
        const auto* row = reinterpret_cast<const Uint32*>(
            static_cast<const Uint8*>(surface->pixels) + std::ptrdiff_t(y) * surface->pitch);
        for (int x = 0; x < surface->w; ++x) {
            if ((row[x] & format->Amask) != format->Amask) {
                opaque = false;
                break;
            }
        }
    }
    SDL_UnlockSurface(surface);
    return opaque;
}

// Through load_image, so a file over the pixel limit or cut short is refused before decoding.
// Content loading skips such items already (with a log line); this guards a file that changed
// on disk since.
std::shared_ptr<SDL_Surface> decode(const std::string& path) {
    auto surface = load_image(path);
    if (!surface) {
        return nullptr;
    }
    SDL_Surface* decoded = surface->release();
    // Many photos are saved with an alpha channel that is opaque everywhere: without it the
    // photo can be scaled once to its box (fitted()) and copied instead of blended.
    if (is_opaque_with_alpha(decoded)) {
        if (SDL_Surface* opaque = SDL_ConvertSurfaceFormat(decoded, SDL_PIXELFORMAT_RGB888, 0)) {
            SDL_FreeSurface(decoded);
            decoded = opaque;
        }
    }
    return std::shared_ptr<SDL_Surface>(decoded, SDL_FreeSurface);
}

}  // namespace

ImageCache::~ImageCache() {
    // A decode still running owns nothing of ours, but waiting keeps its thread from outliving
    // SDL_image at shutdown.
    for (Entry& entry : m_entries) {
        if (entry.surface.valid()) {
            entry.surface.wait();
        }
    }
}

ImageCache::Entry& ImageCache::touch(const std::string& path, std::launch policy) {
    const auto found = std::find_if(m_entries.begin(), m_entries.end(),
                                    [&](const Entry& entry) { return entry.path == path; });
    if (found != m_entries.end()) {
        m_entries.splice(m_entries.begin(), m_entries, found);
        return m_entries.front();
    }
    m_entries.push_front(Entry{path, std::async(policy, decode, path).share()});
    trim();
    return m_entries.front();
}

void ImageCache::trim() {
    while (m_entries.size() > m_capacity) {
        // A decode still on its way finishes before its entry goes.
        if (m_entries.back().surface.valid()) {
            m_entries.back().surface.wait();
        }
        m_entries.pop_back();
    }
}

PhotoDecode decode_in_background(const std::string& path) {
    return std::async(std::launch::async, decode, path).share();
}

void ImageCache::adopt(const std::string& path, PhotoDecode decoding) {
    const bool known = std::any_of(m_entries.begin(), m_entries.end(),
                                   [&](const Entry& entry) { return entry.path == path; });
    if (path.empty() || !decoding.valid() || known) {
        return;
    }
    m_entries.push_front(Entry{path, std::move(decoding)});
    trim();
}

void ImageCache::prefetch(const std::string& path) {
    if (!path.empty()) {
        touch(path, std::launch::async);
    }
}

SDL_Surface* ImageCache::get(const std::string& path) {
    if (path.empty()) {
        return nullptr;
    }
    // Not prefetched: decode right here rather than start a thread only to wait for it.
    const Entry& entry = touch(path, std::launch::deferred);
    return entry.surface.valid() ? entry.surface.get().get() : nullptr;
}

SDL_Texture* ImageCache::texture(const std::string& path, SDL_Renderer* renderer) {
    if (path.empty()) {
        return nullptr;
    }
    return texture_of(touch(path, std::launch::deferred), renderer);
}

SDL_Texture* ImageCache::texture_of(Entry& entry, SDL_Renderer* renderer) {
    if (entry.texture && entry.renderer == renderer) {
        return entry.texture.get();
    }
    if (!entry.surface.valid()) {
        // Given up for a fitted texture (or made for another renderer): decode it again.
        entry.surface = std::async(std::launch::deferred, decode, entry.path).share();
    }
    const std::shared_ptr<SDL_Surface> surface = entry.surface.get();
    if (!surface) {
        return nullptr;
    }
    entry.texture.reset(SDL_CreateTextureFromSurface(renderer, surface.get()));
    entry.renderer = renderer;
    entry.size = {surface->w, surface->h};
    if (entry.texture) {
        entry.surface = {};  // The texture holds the pixels now.
    }
    return entry.texture.get();
}

SDL_Point ImageCache::size(const std::string& path, SDL_Renderer* renderer) {
    if (path.empty()) {
        return {};
    }
    Entry& entry = touch(path, std::launch::deferred);
    if (entry.size.x <= 0 && texture_of(entry, renderer) == nullptr) {
        return {};
    }
    return entry.size;
}

SDL_Texture* ImageCache::fitted(const std::string& path, SDL_Renderer* renderer,
                                const SDL_Rect& source, int width, int height) {
    if (path.empty() || width <= 0 || height <= 0) {
        return nullptr;
    }
    Entry& entry = touch(path, std::launch::deferred);
    const std::array<int, 6> wanted{source.x, source.y, source.w, source.h, width, height};
    if (entry.fitted && entry.renderer == renderer && entry.fitted_for == wanted) {
        return entry.fitted.get();
    }
    SDL_Texture* full = texture_of(entry, renderer);
    Uint32 format = 0;
    if (full == nullptr || SDL_QueryTexture(full, &format, nullptr, nullptr, nullptr) != 0 ||
        SDL_ISPIXELFORMAT_ALPHA(format)) {
        return nullptr;
    }
    TextureHandle made(
        SDL_CreateTexture(renderer, format, SDL_TEXTUREACCESS_TARGET, width, height));
    if (!made) {
        return nullptr;
    }
    // Scaled exactly as a copy into the slide would scale it, so the slide's pixels are the same.
    SDL_Texture* previous = SDL_GetRenderTarget(renderer);
    SDL_SetRenderTarget(renderer, made.get());
    SDL_SetTextureScaleMode(full, SDL_ScaleModeLinear);
    SDL_SetTextureBlendMode(full, SDL_BLENDMODE_NONE);
    const SDL_Rect whole{0, 0, width, height};
    SDL_RenderCopy(renderer, full, &source, &whole);
    SDL_SetRenderTarget(renderer, previous);
    SDL_SetTextureBlendMode(made.get(), SDL_BLENDMODE_NONE);
    entry.fitted = std::move(made);
    entry.fitted_for = wanted;
    entry.texture.reset();  // Kept at the size it is drawn; decoded again if ever wanted larger.
    return entry.fitted.get();
}

}  // namespace keiji::render
