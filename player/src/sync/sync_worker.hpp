#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "model/clock.hpp"
#include "sync/feed_sync.hpp"
#include "sync/object_store.hpp"

namespace keiji::sync {

struct SyncWorkerSettings {
    SyncSettings sync;
    FetchLimits limits;
    std::chrono::milliseconds poll_interval{300'000};
    std::chrono::milliseconds first_retry{5'000};
    std::chrono::milliseconds longest_retry{600'000};
    std::int64_t cache_budget_bytes = std::int64_t(2048) << 20;
};

// Syncs the feed on its own thread: at start, every poll interval, and after a failure with
// exponential backoff. The main loop learns of a new feed through `wake` (called on the worker
// thread) and take_update(); it never waits on the network.
//
// Time is the caller's: `clock` says when "now" is and how long a wait lasts (on a VirtualClock
// a headless run syncs at its simulated moments), `random01` gives the backoff's jitter, and
// `fetcher` does the network (a CurlFetcher in the player, a fake in tests).
class SyncWorker {
public:
    using Log = std::function<void(bool failure, const std::string& message)>;
    struct Services {
        model::Clock& clock;
        std::function<double()> random01;
        std::unique_ptr<Fetcher> fetcher;
        std::function<void()> wake;
        Log log;
    };
    SyncWorker(ObjectStore store, SyncWorkerSettings settings, Services services);
    ~SyncWorker();
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    void stop();
    // Syncs now instead of at the next poll (SIGHUP).
    void sync_now();
    // The index of a feed that became current since the last call.
    [[nodiscard]] std::optional<SnapshotIndex> take_update();
    // Unix seconds of the last sync that reached the server and found the feed good.
    [[nodiscard]] std::optional<std::int64_t> last_success() const;

private:
    void run();
    [[nodiscard]] std::int64_t unix_now() const;

    ObjectStore m_store;
    SyncWorkerSettings m_settings;
    Services m_services;

    mutable std::mutex m_mutex;
    std::condition_variable m_signal;
    bool m_stopping = false;
    bool m_sync_requested = false;
    std::optional<SnapshotIndex> m_update;
    std::optional<std::int64_t> m_last_success;
    std::thread m_thread;  // Last: starts after everything it uses exists.
};

}  // namespace keiji::sync
