#include "model/config.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "test_paths.hpp"

using namespace keiji::model;

namespace {

ConfigResult parse(const std::string& text) {
    auto document = JsonDocument::parse(text, "keiji.json");
    REQUIRE(document.has_value());
    return parse_config(*document);
}

}  // namespace

TEST_CASE("config: the schema's example reads without problems") {
    std::ifstream stream(keiji::test::source_path("content-schema/examples/config.json"));
    std::stringstream text;
    text << stream.rdbuf();
    const auto result = parse(text.str());
    CHECK(result.problems.empty());
    CHECK(result.config.screen_id == "minato-lobby-1f-east");
    CHECK(result.config.screen_tags == std::vector<std::string>{"lobby", "1f"});
    CHECK(result.config.alert_mqtt_topic == "keiji/alerts/minato");
    CHECK(result.config.alert_keys.size() == 1);
    CHECK(result.config.languages.size() == 3);
    CHECK(result.config.rotation == 90);
    CHECK(result.config.viewing_distance_m == doctest::Approx(3));
}

TEST_CASE("config: an empty object gives the defaults") {
    const auto result = parse("{}");
    CHECK(result.problems.empty());
    CHECK(result.config.languages == std::vector<std::string>{"ja"});
    CHECK(result.config.state_directory == "/var/lib/keiji");
    CHECK(result.config.rotation == 0);
}

TEST_CASE("config: a wrong member is named, and its default kept, so the player still starts") {
    const auto result = parse(R"({"display": {"rotation": 45, "viewing_distance_m": "far"},
                                  "languges": ["ja"], "state_directory": "/tmp/k"})");
    REQUIRE(result.problems.size() == 3);
    CHECK(result.problems[0].where.pointer == "/languges");
    CHECK(result.problems[1].where.pointer == "/display/rotation");
    CHECK(result.problems[2].where.pointer == "/display/viewing_distance_m");
    CHECK(result.config.rotation == 0);
    CHECK(result.config.viewing_distance_m == doctest::Approx(3));
    CHECK(result.config.state_directory == "/tmp/k");
}

TEST_CASE("config: the feed's poll interval, staleness note and keys") {
    const auto result = parse(R"({"feed": {"url": "https://signage.example.jp/keiji/feed.json",
                                           "poll_seconds": 60, "stale_after_minutes": 0,
                                           "public_keys": [{"key_id": "k", "public_key": "AA=="}]},
                                  "cache": {"directory": "/srv/cache", "budget_mb": 512}})");
    CHECK(result.problems.empty());
    CHECK(result.config.feed_url == "https://signage.example.jp/keiji/feed.json");
    CHECK(result.config.feed_poll_seconds == 60);
    CHECK(result.config.stale_after_minutes == 0);
    CHECK(result.config.feed_keys.size() == 1);
    CHECK(result.config.cache_directory == "/srv/cache");
    CHECK(result.config.cache_budget_mb == 512);

    const auto negative = parse(R"({"feed": {"url": "x", "stale_after_minutes": -5}})");
    REQUIRE(negative.problems.size() == 1);
    CHECK(negative.problems.front().to_string().find("stale_after_minutes") != std::string::npos);
    CHECK(negative.config.stale_after_minutes == 60);
}
