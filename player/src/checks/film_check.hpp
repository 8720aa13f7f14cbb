#pragma once

#include <chrono>
#include <optional>

#include "model/error.hpp"
#include "render/geometry.hpp"
#include "storage/playlist_file.hpp"

namespace keiji::checks {

// Checks the film of every video item of the playlist, resolved against its folder, as the
// screen opens it (media::probe_video): an error when the screen would skip the item (missing,
// not a film it opens, no decoder here, larger than the decoder takes), warnings when it plays
// badly or not as meant (10-bit, larger than `frame`, a varying frame rate, a length that does
// not fit the item's slot, sound asked for), each with the ffmpeg command that fixes it.
// Located at the item's "video" member.
[[nodiscard]] model::Errors check_films(const storage::PlaylistFile& file, render::Frame frame);

struct FilmReport {
    model::Errors problems;
    // How long the item plays: its film's own length for "to_end" (rounded up to a second, as
    // the screen does), when the film could be read.
    std::optional<std::chrono::seconds> slot;
};
// The same for item `index` alone.
[[nodiscard]] FilmReport check_item_film(const storage::PlaylistFile& file, std::size_t index,
                                         render::Frame frame);

}  // namespace keiji::checks
