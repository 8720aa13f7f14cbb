#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "model/error.hpp"
#include "model/message.hpp"
#include "render/image_header.hpp"
#include "render/sdl_handles.hpp"

namespace keiji::render {

// Opens and checks an image file without decoding it (read_image_header over the file): what
// keiji validate and content loading use to skip an item whose photo would not show. The error
// says why in words for staff (describe, naming the file `shown_as`, by default its path) and
// keeps the ImageFault as its cause.
[[nodiscard]] model::Result<ImageHeader> check_image_file(const std::string& path,
                                                          std::string_view shown_as = {});

// Checks, then decodes, from one open file: a file that fails the check (too many pixels, cut
// short, not PNG or JPEG) is never handed to the decoder, so its size cannot exhaust memory.
// Thread-safe as SDL_image is (the decode-ahead worker uses it).
[[nodiscard]] model::Result<SurfaceHandle> load_image(const std::string& path,
                                                      std::string_view shown_as = {});

// A sentence for content staff (and the journal) on why the image `name` is not shown, and what
// to do about it, in English and Japanese.
[[nodiscard]] model::Message describe(const ImageProblem& problem, std::string_view name);

// The fault behind an error of check_image_file or load_image; nullopt for any other error.
[[nodiscard]] std::optional<ImageFault> image_fault(const model::Error& error);

}  // namespace keiji::render
