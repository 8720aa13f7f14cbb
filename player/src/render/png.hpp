#pragma once

#include <SDL.h>

#include <filesystem>
#include <string>

#include "model/error.hpp"
#include "render/sdl_handles.hpp"

namespace keiji::render {

// A picture as a PNG file, replaced atomically (a reader never sees half a PNG) but not flushed
// to disk: frames and previews can be drawn again.
[[nodiscard]] model::Result<void> save_png(SDL_Surface& picture, const std::filesystem::path& path);

// A picture as PNG bytes in memory (the studio sends previews to the browser this way).
[[nodiscard]] model::Result<std::string> encode_png(SDL_Surface& picture);

// A picture as JPEG bytes (quality 1–100): small enough to send a look at a screen through the
// broker.
[[nodiscard]] model::Result<std::string> encode_jpeg(SDL_Surface& picture, int quality);

// A copy of `picture` scaled to `width` pixels wide (keeping its proportions), ARGB8888.
[[nodiscard]] model::Result<SurfaceHandle> scaled_copy(SDL_Surface& picture, int width);

}  // namespace keiji::render
