#pragma once

#include "lint/playlist_file.hpp"
#include "model/error.hpp"
#include "render/geometry.hpp"

namespace keiji::lint {

// A photo is drawn to cover about half the screen (landscape: the left half; portrait: the top
// two fifths). Enlarged more than this it looks blurred from the lobby.
inline constexpr double maximum_image_enlargement = 1.5;

// Checks every image the playlist names, resolved against the playlist's folder, as the screen
// loads it (render::load_image). Errors, each meaning the screen skips the item: the file is
// missing, empty, not PNG or JPEG, cut short, damaged, or over render::max_image_pixels.
// Warnings: too small for `frame`. Needs SDL_image initialised.
[[nodiscard]] model::Errors check_images(const PlaylistFile& file, render::Frame frame);

}  // namespace keiji::lint
