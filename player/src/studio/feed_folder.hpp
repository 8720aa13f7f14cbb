#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "alert/key_files.hpp"
#include "model/error.hpp"

namespace keiji::studio {

// Where a publish goes, and what signs it.
struct FeedFolder {
    std::filesystem::path folder;           // Served to screens (nginx, or the studio itself).
    std::filesystem::path uploads;          // Where items' "images/…" paths are found.
    const alert::SecretKey* key = nullptr;  // Signs feed.json; none: unsigned.
};

// Writes `content` ({"playlists": [{"id", "title", …, "items": […]}]}) as a feed a screen syncs:
// each playlist file named by its content (playlists/<id>-<sha12>.json), each photo copied from
// the uploads, then feed.json with its signature, each atomically and feed.json last, so a
// screen never fetches a feed.json whose files are not all there. Files that neither this feed
// nor the one before it names are removed afterwards (a screen may still be syncing that one).
// Returns the SHA-256 of the new feed.json.
[[nodiscard]] model::Result<std::string> write_feed_folder(const nlohmann::json& content,
                                                           const FeedFolder& target);

}  // namespace keiji::studio
