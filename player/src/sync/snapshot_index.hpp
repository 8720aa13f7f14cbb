#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>

#include "model/error.hpp"

namespace keiji::sync {

// One feed that was completely in the cache when it became current.
struct SnapshotRecord {
    std::string feed_url;
    std::string feed_sha256;  // The feed's own bytes, an object in the store.
    // What the server said about the feed, for the next conditional GET.
    std::string etag;
    std::string last_modified;
    std::int64_t committed_at = 0;  // Unix seconds: when this feed became current.
    std::int64_t checked_at = 0;    // Unix seconds: the last time the server confirmed it.
};

// <cache>/snapshots.json: the current feed and the one before it. It is replaced as a whole,
// atomically, so switching to a new feed is one rename: a crash before it leaves the old feed
// current, after it the new one.
struct SnapshotIndex {
    std::optional<SnapshotRecord> current;
    std::optional<SnapshotRecord> previous;
};

[[nodiscard]] std::filesystem::path index_path(const std::filesystem::path& cache_root);
// An absent file is an empty index; a damaged one is an error (keiji cache verify reports it).
[[nodiscard]] model::Result<SnapshotIndex> load_index(const std::filesystem::path& cache_root);
[[nodiscard]] model::Result<void> save_index(const std::filesystem::path& cache_root,
                                             const SnapshotIndex& index);

}  // namespace keiji::sync
