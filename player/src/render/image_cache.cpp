#include "render/image_cache.hpp"

#include <algorithm>

#include "render/image_file.hpp"

namespace keiji::render {

namespace {

// Through load_image, so a file over the pixel limit or cut short is refused before decoding.
// Content loading skips such items already (with a log line); this guards a file that changed
// on disk since.
std::shared_ptr<SDL_Surface> decode(const std::string& path) {
    auto surface = load_image(path);
    if (!surface) {
        return nullptr;
    }
    return std::shared_ptr<SDL_Surface>(surface->release(), SDL_FreeSurface);
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
    while (m_entries.size() > m_capacity) {
        if (m_entries.back().surface.valid()) {
            m_entries.back().surface.wait();
        }
        m_entries.pop_back();
    }
    return m_entries.front();
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
    Entry& entry = touch(path, std::launch::deferred);
    if (entry.texture && entry.renderer == renderer) {
        return entry.texture.get();
    }
    if (!entry.surface.valid()) {
        return nullptr;  // Made for another renderer, or a decode that failed before.
    }
    const std::shared_ptr<SDL_Surface> surface = entry.surface.get();
    if (!surface) {
        return nullptr;
    }
    entry.texture.reset(SDL_CreateTextureFromSurface(renderer, surface.get()));
    entry.renderer = renderer;
    if (entry.texture) {
        entry.surface = {};  // The texture holds the pixels now.
    }
    return entry.texture.get();
}

}  // namespace keiji::render
