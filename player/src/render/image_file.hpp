#pragma once

#include <expected>
#include <string>
#include <string_view>

#include "model/message.hpp"
#include "render/image_header.hpp"
#include "render/sdl_handles.hpp"

namespace keiji::render {

// Opens and checks an image file without decoding it (read_image_header over the file): what
// keiji validate and content loading use to skip an item whose photo would not show.
[[nodiscard]] std::expected<ImageHeader, ImageProblem> check_image_file(const std::string& path);

// Checks, then decodes, from one open file: a file that fails the check (too many pixels, cut
// short, not PNG or JPEG) is never handed to the decoder, so its size cannot exhaust memory.
// Thread-safe as SDL_image is (the decode-ahead worker uses it).
[[nodiscard]] std::expected<SurfaceHandle, ImageProblem> load_image(const std::string& path);

// A sentence for content staff (and the journal) on why the image `name` is not shown, and what
// to do about it, in English and Japanese.
[[nodiscard]] model::Message describe(const ImageProblem& problem, std::string_view name);

}  // namespace keiji::render
