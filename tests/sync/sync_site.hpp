#pragma once

// A feed on a FakeFetcher and a cache folder of its own, for the sync tests.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "fake_fetcher.hpp"
#include "sync/object_store.hpp"
#include "sync/sha256.hpp"

namespace keiji::test {

namespace fs = std::filesystem;
using sync::ObjectStore;
using sync::sha256_hex;

inline constexpr const char* base = "https://cdn.example.jp/keiji/";
inline const std::string feed_url = std::string(base) + "feed.json";

inline const std::string playlist_text = R"({
  "id": "partners",
  "items": [{"type": "promo", "id": "gujo", "duration": 20, "municipality": "郡上市",
             "prefecture": "岐阜県", "title": "郡上おどりin青山",
             "body": "郡上市は毎年6月に青山で郡上おどりを開催しています。",
             "image": "images/gujo.png"}]
})";

// A server with one playlist and one image, and the feed that lists them.
struct Site {
    FakeFetcher server;
    std::string image = std::string(3000, 'x');

    void publish(const std::string& etag = "\"v1\"", std::string asset_url = "a/gujo.png") {
        const nlohmann::json feed = {{"playlists",
                                      {{{"id", "partners"},
                                        {"url", "partners.json"},
                                        {"bytes", playlist_text.size()},
                                        {"sha256", sha256_hex(playlist_text)}}}},
                                     {"screens", {{{"tag", "lobby"}, {"playlists", {"partners"}}}}},
                                     {"assets",
                                      {{{"path", "images/gujo.png"},
                                        {"url", asset_url},
                                        {"bytes", image.size()},
                                        {"sha256", sha256_hex(image)}}}}};
        server.pages[feed_url] = {.body = feed.dump(2), .etag = etag};
        server.pages[std::string(base) + "partners.json"] = {.body = playlist_text};
        server.pages[std::string(base) + "a/gujo.png"] = {.body = image};
    }
};

struct TempCache {
    fs::path root;
    TempCache() {
        root = fs::temp_directory_path() / ("keiji-sync-test-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(counter()++));
        fs::remove_all(root);
        REQUIRE(ObjectStore(root).open().has_value());
    }
    ~TempCache() { fs::remove_all(root); }
    static int& counter() {
        static int value = 0;
        return value;
    }
};

}  // namespace keiji::test
