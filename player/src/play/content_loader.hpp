#pragma once

#include <date/tz.h>

#include <optional>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "model/item.hpp"
#include "model/playlist.hpp"
#include "model/time.hpp"
#include "sync/snapshot.hpp"

namespace keiji::play {

// What the player plays: the items of every playlist that parsed, in file-name order, with image
// paths made usable from the current directory.
struct LoadedContent {
    std::vector<model::Item> items;
    // The first playlist's opening hours that has any; merged playlists share one screen.
    std::optional<model::OpeningHours> opening_hours;
    std::vector<std::string> playlist_files;  // The ones that loaded.
    model::Errors problems;                   // Everything that was skipped, and why.
    // Where it came from, for the log: "the bundled playlists in …", "the cached feed …".
    std::string origin;
};

// The photo of the slide the planner shows first at `now`, "" when it has none: decoding it can
// start before SDL does.
[[nodiscard]] std::string first_photo(const LoadedContent& content, const date::time_zone& zone,
                                      model::TimePoint now);

// Loads every *.json file in `directory` (or the one file `path` names). A broken playlist is
// reported in `problems` and skipped; the others still play.
[[nodiscard]] LoadedContent load_content(const std::string& path);

// Loads the playlists of a cached feed. Their images name the feed's assets by path; an image
// the feed does not list is reported and left out (the slide plays without it).
[[nodiscard]] LoadedContent load_snapshot(const sync::Snapshot& snapshot);

}  // namespace keiji::play
