#pragma once

#include <expected>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "model/feed.hpp"
#include "sync/object_store.hpp"
#include "sync/snapshot_index.hpp"

namespace keiji::sync {

struct SnapshotPlaylist {
    std::string id;
    std::string url;  // For messages: where the playlist came from.
    std::filesystem::path file;
};

// A committed feed as this screen plays it: its playlists and its assets, all as files in the
// store. Images in the playlists name assets by their feed `path`.
struct Snapshot {
    SnapshotRecord record;
    model::Feed feed;
    std::vector<SnapshotPlaylist> playlists;  // The ones assigned to this screen.
    std::map<std::string, std::filesystem::path> assets;
    // Files whose bytes changed on disk since they were stored (a failing SD card): each was
    // removed from the store, so the next sync fetches it again.
    model::Errors problems;
};

// Opens a committed feed for playing; fails (with the reason) when anything it needs is
// missing from the store, so the caller can fall back to the previous feed or the bundled one.
// Every file is read back and hashed as it is opened: one whose bytes changed is removed from
// the store and reported in `problems`; a playlist so found is left out, a photo leaves its slide
// out (its file is gone) until the next sync has fetched it again; a changed feed fails.
[[nodiscard]] model::Result<Snapshot> open_snapshot(const ObjectStore& store,
                                                    const SnapshotRecord& record,
                                                    std::string_view screen_id,
                                                    const std::vector<std::string>& tags);

// The feed, playlist and asset objects a committed feed needs (the feed's own first).
[[nodiscard]] model::Result<std::vector<model::FeedFile>> objects_of(const ObjectStore& store,
                                                                     const SnapshotRecord& record);

}  // namespace keiji::sync
