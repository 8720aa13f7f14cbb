#include "sync/sync_worker.hpp"

#include <fmt/format.h>

#include "sync/backoff.hpp"
#include "sync/cache_maintenance.hpp"

namespace keiji::sync {

SyncWorker::SyncWorker(ObjectStore store, SyncWorkerSettings settings, Services services)
    : m_store(std::move(store)), m_settings(std::move(settings)), m_services(std::move(services)) {
    if (const auto index = load_index(m_store.root()); index && index->current) {
        m_last_success = index->current->checked_at;
    }
    m_services.clock.enroll();
    m_thread = std::thread([this] {
        run();
        m_services.clock.retire();
    });
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

std::int64_t SyncWorker::unix_now() const {
    return std::chrono::duration_cast<std::chrono::seconds>(
               m_services.clock.now().wall.time_since_epoch())
        .count();
}

void SyncWorker::run() {
    int failures = 0;
    const Log& log = m_services.log;
    if (auto opened = m_store.open(); !opened) {
        log(true, opened.error().text());
    }
    while (true) {
        const SyncOutcome outcome =
            sync_once(m_store, *m_services.fetcher, m_settings.sync, unix_now());
        std::chrono::milliseconds wait = m_settings.poll_interval;
        if (outcome.kind == SyncOutcome::Kind::failed) {
            ++failures;
            wait = backoff_delay(failures, m_settings.first_retry, m_settings.longest_retry,
                                 m_services.random01());
            log(true, fmt::format("{}; the last good content keeps playing; next try in {} s",
                                  outcome.problem.text(), (wait.count() + 999) / 1000));
        } else {
            if (failures > 0) {
                log(false,
                    fmt::format("the feed is reachable again after {} failed tries", failures));
            }
            failures = 0;
            if (outcome.kind == SyncOutcome::Kind::updated) {
                log(false, fmt::format("new feed {} is current: {} files, {} bytes fetched",
                                       outcome.index.current->feed_sha256.substr(0, 12),
                                       outcome.files_fetched, outcome.bytes_received));
                const GcReport gc = collect_garbage(m_store, m_settings.cache_budget_bytes);
                if (gc.removed > 0) {
                    log(false, fmt::format("cache: evicted {} unused files ({} bytes)", gc.removed,
                                           gc.bytes_freed));
                }
            }
            const std::scoped_lock lock(m_mutex);
            m_last_success = outcome.index.current ? outcome.index.current->checked_at : unix_now();
            if (outcome.kind == SyncOutcome::Kind::updated) {
                m_update = outcome.index;
            }
        }
        if (outcome.kind != SyncOutcome::Kind::failed && m_services.wake) {
            m_services.wake();
        }
        std::unique_lock lock(m_mutex);
        m_services.clock.wait_until(lock, m_signal, m_services.clock.now().monotonic + wait,
                                    [&] { return m_stopping || m_sync_requested; });
        if (m_stopping) {
            return;
        }
        m_sync_requested = false;
    }
}

}  // namespace keiji::sync
