#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "sync/object_store.hpp"
#include "sync/snapshot_index.hpp"

namespace keiji::sync {

// The objects the current and previous feeds need: never evicted.
[[nodiscard]] std::set<std::string> objects_in_use(const ObjectStore& store,
                                                   const SnapshotIndex& index);

struct VerifyReport {
    int objects = 0;
    std::int64_t bytes = 0;
    model::Errors problems;  // Empty: the cache is consistent.
    int removed = 0;         // Damaged files removed (DamagedFiles::remove).
};

// What verify_cache does with a file whose bytes no longer match its SHA-256.
enum class DamagedFiles {
    report,  // Only reports it.
    remove,  // Removes it too, so the next sync fetches it again (keiji cache verify --repair).
};

// Re-hashes every object and checks that the current and previous feeds have every file they
// need. `progress(done, total)` is called after each object. A file removed as damaged is not
// reported again as missing from its feed.
[[nodiscard]] VerifyReport verify_cache(const ObjectStore& store,
                                        const std::function<void(int, int)>& progress = {},
                                        DamagedFiles damaged = DamagedFiles::report);

struct GcReport {
    int removed = 0;
    std::int64_t bytes_freed = 0;
    std::int64_t bytes_kept = 0;
    std::int64_t bytes_in_use = 0;  // Kept whatever the budget: the feeds need them.
};

// Evicts objects no kept feed needs, least recently used first, until the cache fits in
// `budget_bytes`.
[[nodiscard]] GcReport collect_garbage(const ObjectStore& store, std::int64_t budget_bytes);

}  // namespace keiji::sync
