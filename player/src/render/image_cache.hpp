#pragma once

#include <SDL.h>

#include <array>
#include <future>
#include <list>
#include <memory>
#include <string>

#include "render/sdl_handles.hpp"

namespace keiji::render {

// Decoded images by path, so a slide's photo can be decoded ahead of time on a worker thread and
// the slide painted at once when its transition starts. Only decoding runs off the main thread
// (IMG_Load into a surface); textures are made by the Canvas on the main thread.
// A photo being decoded on a worker thread; nullptr when the file cannot be read.
using PhotoDecode = std::shared_future<std::shared_ptr<SDL_Surface>>;

// Starts decoding `path` on a worker thread, as ImageCache::prefetch does, before any cache (or
// SDL's video) exists: the first slide's photo is decoded while the window opens.
[[nodiscard]] PhotoDecode decode_in_background(const std::string& path);

class ImageCache {
public:
    // `capacity`: how many decoded images are kept (a 1920×1080 photo is 8 MB as a surface).
    explicit ImageCache(std::size_t capacity = 4) : m_capacity(capacity) {}
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;
    ~ImageCache();

    // Starts decoding `path` on a worker thread unless it is cached or already on its way.
    void prefetch(const std::string& path);
    // Takes `decoding` (decode_in_background) as the decode of `path`, unless it is cached.
    void adopt(const std::string& path, PhotoDecode decoding);
    // The decoded image, waiting for a decode in progress (or decoding now); nullptr when the
    // file cannot be read. Valid until the next prefetch() or get().
    [[nodiscard]] SDL_Surface* get(const std::string& path);
    // The image as a texture of `renderer` (made on the first call, on the caller's thread,
    // which must be the renderer's): a slide that shows the photo again copies it without
    // converting 8 MB of pixels anew. The decoded surface is then given up, so a cache used
    // for textures holds each image once; get() answers nullptr for it. Valid like get().
    [[nodiscard]] SDL_Texture* texture(const std::string& path, SDL_Renderer* renderer);
    // The image's width and height in pixels ({0, 0} when it cannot be read), decoding it
    // only when it was never drawn.
    [[nodiscard]] SDL_Point size(const std::string& path, SDL_Renderer* renderer);
    // The `source` part of an opaque image scaled (linearly) to `width`×`height`, as a texture
    // of `renderer`, made once: a slide that shows the photo again copies it 1:1 instead of
    // scaling it anew, and the cache keeps it at the size it is drawn, not at the size of the
    // file. nullptr for an image with an alpha channel (draw texture() instead) or none at all.
    // Leaves the renderer's target as it found it.
    [[nodiscard]] SDL_Texture* fitted(const std::string& path, SDL_Renderer* renderer,
                                      const SDL_Rect& source, int width, int height);

private:
    struct Entry {
        std::string path;
        PhotoDecode surface;
        TextureHandle texture;  // Made by texture(); the surface is released then.
        SDL_Renderer* renderer = nullptr;
        TextureHandle fitted;             // Made by fitted(); the texture is released then.
        std::array<int, 6> fitted_for{};  // The source rectangle, width and height.
        SDL_Point size{};                 // The image's own, once known.
    };
    SDL_Texture* texture_of(Entry& entry, SDL_Renderer* renderer);
    // Moves `path` to the front (most recent), adding a decode when absent.
    Entry& touch(const std::string& path, std::launch policy);
    // Drops the least recently used entries beyond the capacity.
    void trim();

    std::size_t m_capacity;
    std::list<Entry> m_entries;  // Most recently used first.
};

}  // namespace keiji::render
