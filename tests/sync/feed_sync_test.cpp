#include "sync/feed_sync.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "alert/signing.hpp"
#include "fake_fetcher.hpp"
#include "sync/cache_maintenance.hpp"
#include "sync/sha256.hpp"
#include "sync/snapshot.hpp"
#include "sync_site.hpp"
#include "test_paths.hpp"

namespace keiji::sync {

namespace fs = std::filesystem;
using test::base;
using test::FakeFetcher;
using test::feed_url;
using test::playlist_text;
using test::Site;
using test::TempCache;

namespace {

SyncOutcome sync(const TempCache& cache, FakeFetcher& server, std::int64_t now = 1000,
                 std::vector<model::PublicKey> keys = {}) {
    return sync_once(ObjectStore(cache.root), server,
                     SyncSettings{.feed_url = feed_url, .keys = std::move(keys)}, now);
}

}  // namespace

TEST_CASE("a first sync fetches everything and makes the feed current") {
    TempCache cache;
    Site site;
    site.publish();
    const SyncOutcome outcome = sync(cache, site.server);
    REQUIRE_MESSAGE(outcome.kind == SyncOutcome::Kind::updated, outcome.problem);
    CHECK(outcome.requests == 3);
    CHECK(outcome.files_fetched == 2);
    REQUIRE(outcome.index.current.has_value());
    CHECK(outcome.index.current->etag == "\"v1\"");

    const ObjectStore store(cache.root);
    const auto snapshot = open_snapshot(store, *outcome.index.current, "east-1", {"lobby"});
    REQUIRE_MESSAGE(snapshot.has_value(), snapshot.error());
    REQUIRE(snapshot->playlists.size() == 1);
    CHECK(fs::file_size(snapshot->assets.at("images/gujo.png")) == site.image.size());
    CHECK(verify_cache(store).problems.empty());
}

TEST_CASE("a second sync with nothing changed is one conditional request") {
    TempCache cache;
    Site site;
    site.publish();
    REQUIRE(sync(cache, site.server).kind == SyncOutcome::Kind::updated);
    site.server.requested.clear();
    const SyncOutcome again = sync(cache, site.server, 2000);
    CHECK(again.kind == SyncOutcome::Kind::unchanged);
    CHECK(again.requests == 1);
    CHECK(again.index.current->checked_at == 2000);
    CHECK(again.index.current->committed_at == 1000);
}

TEST_CASE("a changed feed fetches only the new files and keeps the old feed as previous") {
    TempCache cache;
    Site site;
    site.publish();
    const SyncOutcome first = sync(cache, site.server);
    REQUIRE(first.kind == SyncOutcome::Kind::updated);
    site.image = std::string(2000, 'y');
    site.publish("\"v2\"");
    const SyncOutcome second = sync(cache, site.server, 2000);
    REQUIRE_MESSAGE(second.kind == SyncOutcome::Kind::updated, second.problem);
    CHECK(second.files_fetched == 1);  // The playlist is unchanged, only the image is new.
    CHECK(second.index.previous->feed_sha256 == first.index.current->feed_sha256);
}

TEST_CASE("every failure leaves the last good feed current, and the next good sync recovers") {
    TempCache cache;
    Site site;
    site.publish();
    const SyncOutcome good = sync(cache, site.server);
    REQUIRE(good.kind == SyncOutcome::Kind::updated);
    const std::string good_feed = good.index.current->feed_sha256;

    // A transfer cut off keeps what arrived for the next sync to resume; nothing else stays.
    const auto expect_failure = [&](const std::string& what, bool part_kept = false) {
        CAPTURE(what);
        const SyncOutcome failed = sync(cache, site.server, 1500);
        CHECK(failed.kind == SyncOutcome::Kind::failed);
        CHECK_FALSE(failed.problem.text().empty());
        const auto index = load_index(cache.root);
        REQUIRE(index.has_value());
        CHECK(index->current->feed_sha256 == good_feed);
        CHECK(verify_cache(ObjectStore(cache.root)).problems.empty());
        const auto parts = ObjectStore(cache.root).partial_downloads();
        CHECK(parts.size() == (part_kept ? 1u : 0u));
        CHECK(std::distance(fs::directory_iterator(cache.root / "incoming"),
                            fs::directory_iterator()) == std::ptrdiff_t(parts.size()));
        return failed.problem.text();
    };

    site.image = std::string(2500, 'z');
    site.publish("\"v2\"");
    site.server.pages[feed_url].failure = "Couldn't connect to server";
    CHECK(expect_failure("refused").find("cannot fetch the feed") != std::string::npos);

    site.publish("\"v2\"");
    site.server.pages[std::string(base) + "a/gujo.png"].cut_after = 100;
    site.server.pages[std::string(base) + "a/gujo.png"].ignores_range = true;
    expect_failure("truncated", true);

    site.publish("\"v2\"");
    site.server.pages[std::string(base) + "a/gujo.png"].body = std::string(2500, 'w');
    CHECK(expect_failure("wrong hash").find("SHA-256") != std::string::npos);

    site.publish("\"v2\"");
    site.server.pages[std::string(base) + "a/gujo.png"].body = std::string(9000, 'z');
    expect_failure("oversized");

    site.server.pages[feed_url] = {.body = "{\"playlists\": [", .etag = "\"v3\""};
    CHECK(expect_failure("invalid JSON").find("mistakes") != std::string::npos);

    site.server.pages[feed_url] = {.body = R"({"playlists": [], "screens": []})", .etag = "\"v4\""};
    expect_failure("fails the schema");

    site.publish("\"v5\"", "../../../../etc/passwd");
    CHECK(expect_failure("escaping URL").find("outside the feed's folder") != std::string::npos);

    site.publish("\"v6\"");
    const SyncOutcome recovered = sync(cache, site.server, 3000);
    CHECK_MESSAGE(recovered.kind == SyncOutcome::Kind::updated, recovered.problem);
    CHECK(recovered.index.current->feed_sha256 != good_feed);
}

TEST_CASE("a playlist with mistakes keeps the whole feed out") {
    TempCache cache;
    Site site;
    site.publish();
    site.server.pages[feed_url].body.replace(
        site.server.pages[feed_url].body.find(sha256_hex(playlist_text)), 64,
        sha256_hex("{\"id\": 1}"));
    site.server.pages[std::string(base) + "partners.json"].body = "{\"id\": 1}";
    // The declared size must match too.
    const std::string declared = std::to_string(playlist_text.size());
    auto& body = site.server.pages[feed_url].body;
    body.replace(body.find(declared), declared.size(), "9");
    const SyncOutcome outcome = sync(cache, site.server);
    CHECK(outcome.kind == SyncOutcome::Kind::failed);
    CHECK(outcome.problem.text().find("playlist partners has mistakes") != std::string::npos);
    CHECK_FALSE(load_index(cache.root)->current.has_value());
}

TEST_CASE("with a key configured only a correctly signed feed is taken") {
    TempCache cache;
    Site site;
    site.publish();
    const auto keys = alert::generate_key_pair();
    REQUIRE(keys.has_value());
    const std::vector<model::PublicKey> trusted{{"minato", alert::to_base64(keys->public_key)}};

    CHECK(sync(cache, site.server, 1000, trusted)
              .problem.text()
              .find("signature cannot be fetched") != std::string::npos);

    const auto other = alert::generate_key_pair();
    site.server.pages[feed_url + ".sig"] = {
        .body = alert::to_base64(
                    *alert::sign_detached(site.server.pages[feed_url].body, other->secret_key)) +
                "\n"};
    CHECK(sync(cache, site.server, 1000, trusted).problem.text().find("does not match") !=
          std::string::npos);
    CHECK_FALSE(load_index(cache.root)->current.has_value());

    site.server.pages[feed_url + ".sig"].body =
        alert::to_base64(*alert::sign_detached(site.server.pages[feed_url].body, keys->secret_key));
    const SyncOutcome signed_sync = sync(cache, site.server, 1000, trusted);
    CHECK_MESSAGE(signed_sync.kind == SyncOutcome::Kind::updated, signed_sync.problem);
}

TEST_CASE("garbage collection evicts unused files, oldest first, and never what a feed needs") {
    TempCache cache;
    const ObjectStore store(cache.root);
    Site site;
    site.publish();
    REQUIRE(sync(cache, site.server).kind == SyncOutcome::Kind::updated);
    const auto unused_old = store.put(std::string(4000, 'o'));
    const auto unused_new = store.put(std::string(4000, 'n'));
    REQUIRE(unused_old.has_value());
    REQUIRE(unused_new.has_value());
    fs::last_write_time(store.path_of(*unused_old),
                        fs::file_time_type::clock::now() - std::chrono::hours(24));

    std::int64_t in_use = 0;
    for (const auto& entry : store.list()) {
        in_use += entry.bytes;
    }
    in_use -= 8000;
    const GcReport report = collect_garbage(store, in_use + 4000);
    CHECK(report.removed == 1);
    CHECK_FALSE(fs::exists(store.path_of(*unused_old)));
    CHECK(fs::exists(store.path_of(*unused_new)));

    const GcReport all = collect_garbage(store, 0);
    CHECK(all.removed == 1);
    CHECK(all.bytes_in_use == in_use);
    CHECK(verify_cache(store).problems.empty());
}

TEST_CASE("verify finds a file that changed on disk") {
    TempCache cache;
    Site site;
    site.publish();
    REQUIRE(sync(cache, site.server).kind == SyncOutcome::Kind::updated);
    const ObjectStore store(cache.root);
    {
        std::ofstream damage(store.path_of(sha256_hex(site.image)), std::ios::binary);
        damage << std::string(3000, 'q');
    }
    const VerifyReport report = verify_cache(store);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems.front().text().find("changed on disk") != std::string::npos);
}

}  // namespace keiji::sync

namespace keiji::sync {

namespace {

// A cache that has synced the site once.
struct Synced {
    TempCache cache;
    Site site;
    ObjectStore store{cache.root};
    Synced() {
        site.publish();
        REQUIRE(sync(cache, site.server).kind == SyncOutcome::Kind::updated);
    }
};

// Flips one byte of a stored object in place, as a failing SD card might.
void damage(const ObjectStore& store, const std::string& sha256) {
    std::fstream file(store.path_of(sha256), std::ios::in | std::ios::out | std::ios::binary);
    REQUIRE(file.is_open());
    file.seekp(10);
    file.put('!');
}

}  // namespace

TEST_CASE("a cached photo whose bytes changed is dropped when read, and the next sync fetches it") {
    Synced synced;
    const ObjectStore& store = synced.store;
    const Site& site = synced.site;
    const std::string photo = sha256_hex(site.image);
    damage(store, photo);

    const auto index = load_index(store.root());
    REQUIRE(index.has_value());
    const auto snapshot = open_snapshot(store, *index->current, "east-1", {"lobby"});
    REQUIRE_MESSAGE(snapshot.has_value(), snapshot.error());
    REQUIRE(snapshot->problems.size() == 1);
    CHECK(snapshot->problems[0].text().find("asset images/gujo.png") != std::string::npos);
    CHECK(snapshot->problems[0].text().find("the next sync fetches it again") != std::string::npos);
    CHECK_FALSE(fs::exists(store.path_of(photo)));
    CHECK(snapshot->playlists.size() == 1);  // The playlist itself was intact.

    // The feed did not change, but a file it needs is gone: the sync asks for the feed whole
    // and fetches the photo again.
    const SyncOutcome again = sync(synced.cache, synced.site.server, 2000);
    REQUIRE_MESSAGE(again.kind == SyncOutcome::Kind::updated, again.problem);
    CHECK(again.files_fetched == 1);
    CHECK(store.contains(photo, std::int64_t(site.image.size())));
    CHECK(verify_cache(store).problems.empty());
}

TEST_CASE("cache verify reports a damaged file, and with repair removes it, once") {
    Synced synced;
    const ObjectStore& store = synced.store;
    damage(store, sha256_hex(playlist_text));

    const VerifyReport reported = verify_cache(store);
    REQUIRE(reported.problems.size() == 1);
    CHECK(reported.removed == 0);
    CHECK(fs::exists(store.path_of(sha256_hex(playlist_text))));

    const VerifyReport repaired = verify_cache(store, {}, DamagedFiles::remove);
    // Removed, and not reported a second time as missing from the feed.
    REQUIRE(repaired.problems.size() == 1);
    CHECK(repaired.removed == 1);
    CHECK(repaired.problems[0].text().ends_with("the next sync fetches it again"));
    CHECK_FALSE(fs::exists(store.path_of(sha256_hex(playlist_text))));
    // What is left to do is the sync's: afterwards the cache is whole again.
    REQUIRE(sync(synced.cache, synced.site.server, 2000).kind == SyncOutcome::Kind::updated);
    CHECK(verify_cache(store).problems.empty());
}

}  // namespace keiji::sync

namespace keiji::sync {

namespace {

const std::string photo_url = std::string(base) + "a/gujo.png";

std::vector<std::int64_t> photo_requests(const FakeFetcher& server) {
    std::vector<std::int64_t> offsets;
    for (std::size_t i = 0; i < server.requested.size(); ++i) {
        if (server.requested[i] == photo_url) {
            offsets.push_back(server.resumed_from[i]);
        }
    }
    return offsets;
}

}  // namespace

TEST_CASE("a photo cut off on a flaky line continues where it stopped, in the same sync") {
    TempCache cache;
    Site site;
    site.publish();
    site.server.pages[photo_url].cut_after = 1000;  // Of 3000 bytes: every answer drops early.
    const SyncOutcome outcome = sync(cache, site.server);
    REQUIRE_MESSAGE(outcome.kind == SyncOutcome::Kind::updated, outcome.problem);
    CHECK(outcome.resumed == 2);
    CHECK(photo_requests(site.server) == std::vector<std::int64_t>{0, 1000, 2000});
    // Each byte of the photo came once (feed and playlist besides).
    CHECK(outcome.bytes_received < std::int64_t(site.image.size()) + 2000);
    CHECK(verify_cache(ObjectStore(cache.root)).problems.empty());
    CHECK(ObjectStore(cache.root).partial_downloads().empty());
}

TEST_CASE("a download cut off for good is kept, and the next sync resumes it") {
    TempCache cache;
    Site site;
    site.publish();
    // A server that drops after half and ignores Range: no attempt gets further.
    site.server.pages[photo_url].cut_after = 1500;
    site.server.pages[photo_url].ignores_range = true;
    const SyncOutcome cut = sync(cache, site.server);
    CHECK(cut.kind == SyncOutcome::Kind::failed);
    const auto parts = ObjectStore(cache.root).partial_downloads();
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].sha256 == sha256_hex(site.image));
    CHECK(parts[0].bytes == 1500);
    // The budget counts it, and garbage collection leaves it alone.
    CHECK(collect_garbage(ObjectStore(cache.root), 0).bytes_in_use >= 1500);
    CHECK(ObjectStore(cache.root).partial_downloads().size() == 1);

    site.server.pages[photo_url].cut_after.reset();
    site.server.pages[photo_url].ignores_range = false;
    site.server.requested.clear();
    site.server.resumed_from.clear();
    const SyncOutcome resumed = sync(cache, site.server, 2000);
    REQUIRE_MESSAGE(resumed.kind == SyncOutcome::Kind::updated, resumed.problem);
    CHECK(photo_requests(site.server) == std::vector<std::int64_t>{1500});
    CHECK(verify_cache(ObjectStore(cache.root)).problems.empty());
    CHECK(fs::is_empty(cache.root / "incoming"));
}

TEST_CASE("a kept part whose bytes are wrong is thrown away, never committed") {
    TempCache cache;
    Site site;
    site.publish();
    REQUIRE(ObjectStore(cache.root).open().has_value());
    const fs::path part = cache.root / "incoming" / (sha256_hex(site.image) + ".part");
    std::ofstream(part, std::ios::binary) << std::string(site.image.size(), 'q');
    const SyncOutcome spoiled = sync(cache, site.server);
    CHECK(spoiled.kind == SyncOutcome::Kind::failed);
    CHECK(spoiled.problem.text().find("SHA-256") != std::string::npos);
    CHECK_FALSE(fs::exists(part));
    const SyncOutcome fresh = sync(cache, site.server, 2000);
    CHECK_MESSAGE(fresh.kind == SyncOutcome::Kind::updated, fresh.problem);
}

}  // namespace keiji::sync
