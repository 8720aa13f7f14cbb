#include "sync/sync_worker.hpp"

#include <fmt/format.h>

#include <random>

#include "sync/backoff.hpp"
#include "sync/cache_maintenance.hpp"
#include "sync/curl_fetcher.hpp"

namespace keiji::sync {

SyncWorker::SyncWorker(ObjectStore store, SyncWorkerSettings settings,
                       std::function<std::int64_t()> now, std::function<void()> wake, Log log)
    : m_store(std::move(store)),
      m_settings(std::move(settings)),
      m_now(std::move(now)),
      m_wake(std::move(wake)),
      m_log(std::move(log)) {
    if (const auto index = load_index(m_store.root()); index && index->current) {
        m_last_success = index->current->checked_at;
    }
    m_thread = std::thread([this] { run(); });
}

SyncWorker::~SyncWorker() {
    stop();
}

void SyncWorker::stop() {
    {
        const std::scoped_lock lock(m_mutex);
        m_stopping = true;
    }
    m_signal.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void SyncWorker::sync_now() {
    {
        const std::scoped_lock lock(m_mutex);
        m_sync_requested = true;
    }
    m_signal.notify_all();
}

std::optional<SnapshotIndex> SyncWorker::take_update() {
    const std::scoped_lock lock(m_mutex);
    return std::exchange(m_update, std::nullopt);
}

std::optional<std::int64_t> SyncWorker::last_success() const {
    const std::scoped_lock lock(m_mutex);
    return m_last_success;
}

void SyncWorker::run() {
    CurlFetcher fetcher(m_settings.limits);
    std::minstd_rand random(std::random_device{}());
    std::uniform_real_distribution<double> jitter(0.0, 1.0);
    int failures = 0;
    if (auto opened = m_store.open(); !opened) {
        m_log(true, opened.error());
    }
    while (true) {
        const SyncOutcome outcome = sync_once(m_store, fetcher, m_settings.sync, m_now());
        std::chrono::milliseconds wait = m_settings.poll_interval;
        if (outcome.kind == SyncOutcome::Kind::failed) {
            ++failures;
            wait = backoff_delay(failures, m_settings.first_retry, m_settings.longest_retry,
                                 jitter(random));
            m_log(true, fmt::format("{}; the last good content keeps playing; next try in {} s",
                                    outcome.problem, (wait.count() + 999) / 1000));
        } else {
            if (failures > 0) {
                m_log(false,
                      fmt::format("the feed is reachable again after {} failed tries", failures));
            }
            failures = 0;
            if (outcome.kind == SyncOutcome::Kind::updated) {
                m_log(false, fmt::format("new feed {} is current: {} files, {} bytes fetched",
                                         outcome.index.current->feed_sha256.substr(0, 12),
                                         outcome.files_fetched, outcome.bytes_received));
                const GcReport gc = collect_garbage(m_store, m_settings.cache_budget_bytes);
                if (gc.removed > 0) {
                    m_log(false, fmt::format("cache: evicted {} unused files ({} bytes)",
                                             gc.removed, gc.bytes_freed));
                }
            }
            const std::scoped_lock lock(m_mutex);
            m_last_success = outcome.index.current ? outcome.index.current->checked_at : m_now();
            if (outcome.kind == SyncOutcome::Kind::updated) {
                m_update = outcome.index;
            }
        }
        if (outcome.kind != SyncOutcome::Kind::failed && m_wake) {
            m_wake();
        }
        std::unique_lock lock(m_mutex);
        m_signal.wait_for(lock, wait, [&] { return m_stopping || m_sync_requested; });
        if (m_stopping) {
            return;
        }
        m_sync_requested = false;
    }
}

}  // namespace keiji::sync
