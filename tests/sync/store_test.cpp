#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "sync/backoff.hpp"
#include "sync/object_store.hpp"
#include "sync/sha256.hpp"
#include "sync/url.hpp"

namespace keiji::sync {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

TEST_CASE("SHA-256 of known text") {
    CHECK(sha256_hex("test") == "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    Sha256 pieces;
    pieces.add("te");
    pieces.add("st");
    CHECK(pieces.hex_digest() == sha256_hex("test"));
}

TEST_CASE("an object appears only when its bytes are complete and right") {
    const fs::path root = fs::temp_directory_path() / ("keiji-store-" + std::to_string(::getpid()));
    fs::remove_all(root);
    const ObjectStore store(root);
    REQUIRE(ObjectStore(root).open().has_value());
    const std::string sha = sha256_hex("hello");

    {
        auto short_download = store.begin(sha, 5);
        REQUIRE(short_download.has_value());
        short_download->write("hel");
        CHECK(store.commit(*short_download).error().text().find("only 3 of the 5") !=
              std::string::npos);
    }
    {
        auto too_long = store.begin(sha, 5);
        CHECK_FALSE(too_long->write("hello!"));
        CHECK_FALSE(store.commit(*too_long).has_value());
    }
    {
        auto wrong = store.begin(sha, 5);
        wrong->write("hellO");
        CHECK(store.commit(*wrong).error().text().find("SHA-256") != std::string::npos);
    }
    CHECK_FALSE(store.contains(sha, 5));
    CHECK(fs::is_empty(root / "incoming"));  // Nothing half-written is left behind.

    auto good = store.begin(sha, 5);
    good->write("hel");
    good->write("lo");
    REQUIRE(store.commit(*good).has_value());
    CHECK(store.contains(sha, 5));
    CHECK(store.path_of(sha).parent_path().filename() == sha.substr(0, 2));

    // What a crash leaves in incoming/ is cleared when the store is opened again.
    auto interrupted = store.begin(sha256_hex("x"), 1);
    const auto pending = std::distance(fs::directory_iterator(root / "incoming"), {});
    CHECK(pending == 1);
    REQUIRE(ObjectStore(root).open().has_value());
    CHECK(fs::is_empty(root / "incoming"));
    fs::remove_all(root);
}

TEST_CASE("feed locations become URLs") {
    CHECK(feed_location_to_url("https://cdn.example.jp/keiji/feed.json").value() ==
          "https://cdn.example.jp/keiji/feed.json");
    CHECK(feed_location_to_url("/srv/keiji/feed.json").value() == "file:///srv/keiji/feed.json");
    const fs::path folder = fs::temp_directory_path();
    CHECK(feed_location_to_url(folder.string()).value() ==
          "file://" + (folder / "feed.json").string());
    CHECK_FALSE(feed_location_to_url("ftp://example.jp/feed.json").has_value());
    CHECK_FALSE(feed_location_to_url("").has_value());
}

TEST_CASE("references resolve against the feed and may not escape it") {
    CHECK(resolve_reference("https://cdn.example.jp/keiji/feed.json", "images/a.png").value() ==
          "https://cdn.example.jp/keiji/images/a.png");
    CHECK(resolve_reference("https://cdn.example.jp/keiji/feed.json", "https://other.jp/a.png")
              .value() == "https://other.jp/a.png");
    CHECK_FALSE(resolve_reference("https://cdn.example.jp/keiji/feed.json", "file:///etc/passwd"));
    CHECK(resolve_reference("https://cdn.example.jp/keiji/feed.json", "../../etc/passwd")
              .error()
              .text()
              .find("outside the feed's folder") != std::string::npos);
    CHECK(resolve_reference("https://cdn.example.jp/keiji/feed.json", "https://cdn.example.jp/x")
              .has_value());
    CHECK(resolve_reference("file:///srv/keiji/feed.json", "images/a.png").value() ==
          "file:///srv/keiji/images/a.png");
    const auto escape = resolve_reference("file:///srv/keiji/feed.json", "../../etc/passwd");
    REQUIRE_FALSE(escape.has_value());
    CHECK(escape.error().text().find("outside the feed's folder") != std::string::npos);
}

TEST_CASE("backoff doubles up to a ceiling and jitters within half of it") {
    CHECK(backoff_delay(1, 5s, 600s, 0.0) == 2500ms);
    CHECK(backoff_delay(1, 5s, 600s, 1.0) == 5000ms);
    CHECK(backoff_delay(3, 5s, 600s, 1.0) == 20s);
    CHECK(backoff_delay(50, 5s, 600s, 1.0) == 600s);
    CHECK(backoff_delay(50, 5s, 600s, 0.0) == 300s);
    for (int failures = 1; failures < 12; ++failures) {
        CHECK(backoff_delay(failures + 1, 5s, 600s, 0.5) >= backoff_delay(failures, 5s, 600s, 0.5));
    }
}

}  // namespace keiji::sync
