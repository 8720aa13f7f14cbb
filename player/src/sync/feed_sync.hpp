#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/public_key.hpp"
#include "sync/fetcher.hpp"
#include "sync/object_store.hpp"
#include "sync/snapshot_index.hpp"

namespace keiji::sync {

struct SyncSettings {
    std::string feed_url;  // Already a URL (feed_location_to_url).
    // With keys, a feed must carry a valid detached Ed25519 signature by one of them.
    std::vector<model::PublicKey> keys;
    std::int64_t max_feed_bytes = 4 << 20;
    std::int64_t max_playlist_bytes = 4 << 20;
};

struct SyncProgress {
    int files_done = 0;
    int files_total = 0;
    std::int64_t bytes_done = 0;
    std::int64_t bytes_total = 0;
};

struct SyncOutcome {
    enum class Kind { unchanged, updated, failed };
    Kind kind = Kind::failed;
    model::Error problem;  // Why a sync failed (its cause: the curl code, errno, …).
    int requests = 0;
    std::int64_t bytes_received = 0;  // Bodies and headers, as they came over the wire.
    int files_fetched = 0;
    // Downloads cut off and continued where they stopped (HTTP Range), in this sync.
    int resumed = 0;
    SnapshotIndex index;  // The index after this sync.
};

// One sync: fetch the feed (conditionally), check its signature and contents, fetch what the
// cache does not have yet, and make the new feed current only when all of it is there. On any
// failure the current feed stays current and nothing half-written is left behind. `now` is Unix
// seconds (time is injected). `progress` may be empty.
[[nodiscard]] SyncOutcome sync_once(const ObjectStore& store, Fetcher& fetcher,
                                    const SyncSettings& settings, std::int64_t now,
                                    const std::function<void(const SyncProgress&)>& progress = {});

}  // namespace keiji::sync
