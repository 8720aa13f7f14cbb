// The sync worker on a virtual clock: it syncs at start, then every poll interval, and after a
// failure on the backoff its jitter gives; a simulated day runs in milliseconds and the same
// every time.
#include "sync/sync_worker.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>

#include "sync/backoff.hpp"
#include "sync_site.hpp"

using namespace keiji;
using namespace std::chrono_literals;
using test::feed_url;

namespace {

// The worker owns its fetcher; the test keeps the server to change it between syncs.
struct Forwarding final : sync::Fetcher {
    test::FakeFetcher& server;
    explicit Forwarding(test::FakeFetcher& target) : server(target) {}
    model::Result<sync::FetchResult> fetch(const sync::FetchRequest& request,
                                           const sync::BodySink& sink) override {
        return server.fetch(request, sink);
    }
};

std::size_t feed_requests(const test::FakeFetcher& server) {
    return std::size_t(std::ranges::count(server.requested, feed_url));
}

const auto start = std::chrono::sys_days{std::chrono::year{2025} / 11 / 24} + 8h;

}  // namespace

TEST_CASE("sync worker: at start, then every poll interval, on the virtual clock") {
    test::TempCache cache;
    test::Site site;
    site.publish();
    model::VirtualClock clock(start);
    std::atomic<int> wakes{0};
    sync::SyncWorker worker(sync::ObjectStore(cache.root),
                            {.sync = {.feed_url = feed_url}, .poll_interval = 300s},
                            {.clock = clock,
                             .random01 = [] { return 0.5; },
                             .fetcher = std::make_unique<Forwarding>(site.server),
                             .wake = [&] { ++wakes; },
                             .log = [](bool, const std::string&) {}});
    const auto t0 = clock.now().monotonic;
    clock.advance_to(t0 + 1s);
    CHECK(feed_requests(site.server) == 1);
    REQUIRE(worker.take_update().has_value());
    CHECK(worker.last_success() ==
          std::chrono::duration_cast<std::chrono::seconds>(start.time_since_epoch()).count());
    clock.advance_to(t0 + 299s);
    CHECK(feed_requests(site.server) == 1);
    clock.advance_to(t0 + 301s);
    CHECK(feed_requests(site.server) == 2);  // A 304: nothing new.
    CHECK_FALSE(worker.take_update().has_value());
    // A simulated hour: one sync per poll interval, no more.
    for (int minute = 6; minute <= 66; ++minute) {
        clock.advance_to(t0 + std::chrono::minutes(minute) + 1s);
    }
    CHECK(feed_requests(site.server) == 14);
    CHECK(wakes == 14);
}

TEST_CASE("sync worker: a failure is retried on the backoff its jitter gives") {
    test::TempCache cache;
    test::Site site;
    site.publish();
    site.server.pages[feed_url].failure = "Couldn't connect to server";
    model::VirtualClock clock(start);
    sync::SyncWorker worker(sync::ObjectStore(cache.root),
                            {.sync = {.feed_url = feed_url},
                             .poll_interval = 300s,
                             .first_retry = 5s,
                             .longest_retry = 600s},
                            {.clock = clock,
                             .random01 = [] { return 0.0; },
                             .fetcher = std::make_unique<Forwarding>(site.server),
                             .wake = [] {},
                             .log = [](bool, const std::string&) {}});
    const auto t0 = clock.now().monotonic;
    clock.advance_to(t0 + 1ms);
    CHECK(feed_requests(site.server) == 1);
    CHECK_FALSE(worker.last_success().has_value());
    // The first retry comes when the backoff says, not before.
    const auto retry = sync::backoff_delay(1, 5s, 600s, 0.0);
    clock.advance_to(t0 + retry - 1ms);
    CHECK(feed_requests(site.server) == 1);
    site.server.pages[feed_url].failure.reset();
    clock.advance_to(t0 + retry);
    CHECK(feed_requests(site.server) == 2);
    CHECK(worker.take_update().has_value());
}
