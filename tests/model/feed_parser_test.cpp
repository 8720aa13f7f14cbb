#include <doctest/doctest.h>

#include "model/feed.hpp"

namespace keiji::model {

namespace {

constexpr const char* sha_a = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

std::string feed_with(const std::string& assets, const std::string& screens = "") {
    return std::string(R"({
  "playlists": [{"id": "partners", "url": "partners.json", "bytes": 10, "sha256": ")") +
           sha_a + R"("},
                {"id": "notices", "url": "notices.json", "bytes": 10, "sha256": ")" +
           sha_a +
           R"("}],
  "screens": [)" +
           (screens.empty() ? std::string(R"({"tag": "lobby", "playlists": ["partners"]})")
                            : screens) +
           R"(],
  "assets": [)" +
           assets + "]\n}";
}

std::string first_error(const std::string& text) {
    const auto feed = parse_feed_text(text, "feed.json");
    REQUIRE_FALSE(feed.has_value());
    return feed.error().front().to_string();
}

}  // namespace

TEST_CASE("a good feed parses with its playlists, screens and assets") {
    const auto feed = parse_feed_text(
        feed_with(std::string(R"({"path": "images/gujo.png", "url": "a/1.png", "bytes": 5, )") +
                  R"("sha256": ")" + sha_a + R"("})"),
        "feed.json");
    REQUIRE(feed.has_value());
    CHECK(feed->playlists.size() == 2);
    CHECK(feed->assets.at(0).path == "images/gujo.png");
    CHECK(feed->assets.at(0).file.bytes == 5);
    CHECK(feed->screens.at(0).tag == "lobby");
}

TEST_CASE("an asset path that climbs out of the cache is refused with its location") {
    const std::string error = first_error(feed_with(
        std::string(R"({"path": "../../etc/passwd", "url": "../../etc/passwd", "bytes": 5, )") +
        R"("sha256": ")" + sha_a + R"("})"));
    INFO(error);
    CHECK(error.find("feed.json:5:23:") == 0);
    CHECK(error.find("/assets/0/path") != std::string::npos);
    CHECK(error.find("..") != std::string::npos);
}

TEST_CASE("safe relative paths") {
    CHECK(is_safe_relative_path("images/gujo.png"));
    CHECK(is_safe_relative_path("郡上市.png"));
    CHECK_FALSE(is_safe_relative_path(""));
    CHECK_FALSE(is_safe_relative_path("/etc/passwd"));
    CHECK_FALSE(is_safe_relative_path("images/../../x"));
    CHECK_FALSE(is_safe_relative_path("./x.png"));
    CHECK_FALSE(is_safe_relative_path("images//x.png"));
    CHECK_FALSE(is_safe_relative_path("images\\x.png"));
    CHECK_FALSE(is_safe_relative_path("images/"));
}

TEST_CASE("a bad hash, a missing size and an unknown playlist are all reported") {
    const auto feed = parse_feed_text(R"({
  "playlists": [{"id": "p", "url": "p.json", "sha256": "ABC"}],
  "screens": [{"screen": "s1", "playlists": ["q"]}]
})",
                                      "feed.json");
    REQUIRE_FALSE(feed.has_value());
    std::string all;
    for (const auto& error : feed.error()) {
        all += error.to_string() + "\n";
    }
    CHECK(all.find("\"bytes\" is missing") != std::string::npos);
    CHECK(all.find("64 lowercase hexadecimal") != std::string::npos);
    CHECK(all.find("\"q\" is not one of this feed's playlists") != std::string::npos);
}

TEST_CASE("an assignment needs exactly one of screen and tag") {
    const std::string error =
        first_error(feed_with("", R"({"screen": "a", "tag": "b", "playlists": ["partners"]})"));
    CHECK(error.find("exactly one") != std::string::npos);
}

TEST_CASE("a screen plays its own assignment, else its tag's, else everything") {
    const auto feed =
        parse_feed_text(feed_with("", R"({"screen": "east-1", "playlists": ["notices"]},
                        {"tag": "lobby", "playlists": ["partners"]})"),
                        "feed.json");
    REQUIRE(feed.has_value());
    CHECK(playlists_for_screen(*feed, "east-1", {"lobby"}) == std::vector<std::string>{"notices"});
    CHECK(playlists_for_screen(*feed, "west-2", {"lobby"}) == std::vector<std::string>{"partners"});
    CHECK(playlists_for_screen(*feed, "west-2", {}) ==
          std::vector<std::string>{"partners", "notices"});
}

TEST_CASE("tag \"*\" is every screen: what a screen in no group plays") {
    // The studio's feed: the 1st-floor lobby has its own list, every other screen the rest.
    const auto feed =
        parse_feed_text(feed_with("", R"({"tag": "lobby", "playlists": ["partners", "notices"]},
                        {"tag": "*", "playlists": ["notices"]})"),
                        "feed.json");
    REQUIRE(feed.has_value());
    CHECK(playlists_for_screen(*feed, "east-1", {"lobby"}) ==
          std::vector<std::string>{"partners", "notices"});
    CHECK(playlists_for_screen(*feed, "shisho-2", {"shibaura"}) ==
          std::vector<std::string>{"notices"});
    CHECK(playlists_for_screen(*feed, "new-screen", {}) == std::vector<std::string>{"notices"});
}

TEST_CASE("a misspelt member is named") {
    const std::string error = first_error(R"({"playlist": [], "screens": []})");
    CHECK(error.find("playlist") != std::string::npos);
}

}  // namespace keiji::model
