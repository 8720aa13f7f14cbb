#pragma once

#include "model/error.hpp"
#include "render/geometry.hpp"
#include "storage/playlist_file.hpp"

namespace keiji::checks {

// A photo is drawn to cover about half the screen (landscape: the left half; portrait: the top
// two fifths). Enlarged more than this it looks blurred from the lobby.
inline constexpr double maximum_image_enlargement = 1.5;

// Checks every image the playlist names, resolved against the playlist's folder, as the screen
// loads it (render::load_image). Errors, each meaning the screen skips the item: the file is
// missing, empty, not PNG or JPEG, cut short, damaged, or over render::max_image_pixels.
// Warnings: too small for `frame`. Needs SDL_image initialised.
[[nodiscard]] model::Errors check_images(const storage::PlaylistFile& file, render::Frame frame);
// The same for the image of item `index` alone.
[[nodiscard]] model::Errors check_item_images(const storage::PlaylistFile& file, std::size_t index,
                                              render::Frame frame);

}  // namespace keiji::checks
