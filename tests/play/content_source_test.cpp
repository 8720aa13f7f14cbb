#include "play/content_source.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "storage/file_io.hpp"
#include "sync/fake_fetcher.hpp"
#include "sync/feed_sync.hpp"
#include "sync/sha256.hpp"

namespace keiji::play {

namespace fs = std::filesystem;

namespace {

const std::string feed_url = "https://cdn.example.jp/keiji/feed.json";

std::string playlist(const std::string& item_id, const std::string& image) {
    return nlohmann::json{{"id", "partners-" + item_id},
                          {"items",
                           {{{"type", "promo"},
                             {"id", item_id},
                             {"duration", 20},
                             {"municipality", "郡上市"},
                             {"prefecture", "岐阜県"},
                             {"title", "郡上おどりin青山"},
                             {"body", "郡上市は毎年6月に青山で郡上おどりを開催しています。"},
                             {"image", image}}}}}
        .dump();
}

// A real photo: the player skips an item whose image does not decode.
std::string photo() {
    return storage::read_file_if_exists(KEIJI_SOURCE_DIR "/playlists/images/gujo.png")
        .value()
        .value();
}

// Publishes a feed with one playlist and one image and syncs it into `cache`.
void publish_and_sync(const fs::path& cache, const std::string& item_id,
                      const std::string& image_reference, std::int64_t now) {
    test::FakeFetcher server;
    const std::string text = playlist(item_id, image_reference);
    const std::string image = photo();
    server.pages["https://cdn.example.jp/keiji/p.json"] = {.body = text};
    server.pages["https://cdn.example.jp/keiji/i.png"] = {.body = image};
    const nlohmann::json feed = {
        {"playlists",
         {{{"id", "partners-" + item_id},
           {"url", "p.json"},
           {"bytes", text.size()},
           {"sha256", sync::sha256_hex(text)}}}},
        {"screens", {{{"tag", "lobby"}, {"playlists", {"partners-" + item_id}}}}},
        {"assets",
         {{{"path", "images/gujo.png"},
           {"url", "i.png"},
           {"bytes", image.size()},
           {"sha256", sync::sha256_hex(image)}}}}};
    server.pages[feed_url] = {.body = feed.dump()};
    const sync::ObjectStore store(cache);
    REQUIRE(sync::ObjectStore(cache).open().has_value());
    const auto outcome = sync::sync_once(store, server, {.feed_url = feed_url}, now);
    REQUIRE_MESSAGE(outcome.kind == sync::SyncOutcome::Kind::updated, outcome.problem);
}

struct TempFolder {
    fs::path path = fs::temp_directory_path() / ("keiji-content-" + std::to_string(::getpid()));
    TempFolder() { fs::remove_all(path); }
    ~TempFolder() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("a screen that never synced plays the bundled playlists") {
    TempFolder cache;
    const LoadedContent content = load_screen_content(
        {.bundled = KEIJI_SOURCE_DIR "/playlists", .cache_directory = cache.path.string()});
    CHECK_FALSE(content.items.empty());
    CHECK(content.origin.find("bundled") != std::string::npos);
}

TEST_CASE("the cached feed plays, its images taken from the cache") {
    TempFolder cache;
    publish_and_sync(cache.path, "gujo", "images/gujo.png", 1000);
    const LoadedContent content = load_screen_content(
        {.bundled = KEIJI_SOURCE_DIR "/playlists", .cache_directory = cache.path.string()});
    REQUIRE(content.items.size() == 1);
    CHECK(content.origin.find("the cached feed") != std::string::npos);
    const auto& promo = std::get<model::PromoContent>(content.items.front().content);
    CHECK(promo.image == sync::ObjectStore(cache.path).path_of(sync::sha256_hex(photo())).string());
}

TEST_CASE("an image the feed does not list is reported and left out") {
    TempFolder cache;
    publish_and_sync(cache.path, "gujo", "images/other.png", 1000);
    const LoadedContent content = load_screen_content(
        {.bundled = KEIJI_SOURCE_DIR "/playlists", .cache_directory = cache.path.string()});
    REQUIRE(content.items.size() == 1);
    CHECK(std::get<model::PromoContent>(content.items.front().content).image.empty());
    REQUIRE(content.problems.size() == 1);
    CHECK(content.problems.front().to_string().find("not among the feed's assets") !=
          std::string::npos);
}

TEST_CASE("a damaged current feed falls back to the previous one") {
    TempFolder cache;
    publish_and_sync(cache.path, "old", "images/gujo.png", 1000);
    publish_and_sync(cache.path, "new", "images/gujo.png", 2000);
    // The current feed's playlist disappears from the disk.
    fs::remove(sync::ObjectStore(cache.path)
                   .path_of(sync::sha256_hex(playlist("new", "images/gujo.png"))));
    const LoadedContent content = load_screen_content(
        {.bundled = KEIJI_SOURCE_DIR "/playlists", .cache_directory = cache.path.string()});
    REQUIRE(content.items.size() == 1);
    CHECK(content.items.front().id == "old");
}

}  // namespace keiji::play
