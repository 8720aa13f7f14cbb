#pragma once

#include "play/content_loader.hpp"

namespace keiji::play {

// Takes out of `content` every item whose photo the screen could not show, adding one problem
// per item that names the file, what is wrong with it and what to do (render::describe). The
// check reads headers only (render::check_image_file): missing, empty, not PNG or JPEG, cut
// short, damaged, or over render::max_image_pixels. A broken asset so costs its own slide
// instead of showing as a blank one; items without a photo are kept as they are.
void skip_items_with_unusable_images(LoadedContent& content);

}  // namespace keiji::play
