#pragma once

#include "play/content_loader.hpp"

namespace keiji::play {

// Takes out of `content` every item whose photo or film the screen could not show, adding one
// problem per item that names the file, what is wrong with it and what to do. A photo is
// checked from its header (render::check_image_file): missing, empty, not PNG or JPEG, cut
// short, damaged, or over render::max_image_pixels. A film is opened and its first picture
// decoded (media::probe_video): missing, not MP4/MOV or Matroska/WebM, no decoder for it here,
// damaged. A broken asset so costs its own slide instead of showing as a blank one; items
// without files are kept as they are. A film that plays "to_end" gets its own length as the
// item's duration (at least 3 s, at most an hour).
void skip_items_with_unusable_files(LoadedContent& content);

}  // namespace keiji::play
