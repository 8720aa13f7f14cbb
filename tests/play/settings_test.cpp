// The table of settings: keiji.json read through it (every member located when wrong, its default
// kept), the command line's text read through it, and who wins.
#include "play/settings.hpp"

#include <doctest/doctest.h>

#include "play/settings_file.hpp"
#include "play/settings_table.hpp"
#include "test_paths.hpp"

using namespace keiji;
using namespace keiji::play;

namespace {

ConfigFile parse(const std::string& text) {
    auto document = model::JsonDocument::parse(text, "keiji.json");
    REQUIRE(document.has_value());
    return read_config(*document);
}

// The command line of a test: the named settings set from their text, as cli/ does.
SettingsLayer command_line(std::initializer_list<std::pair<std::string_view, std::string>> given) {
    SettingsLayer layer;
    for (const auto& [name, text] : given) {
        const Setting* setting = find_setting(name);
        REQUIRE(setting != nullptr);
        REQUIRE(setting->value->parse(text, layer.values).has_value());
        layer.given.emplace(name);
    }
    return layer;
}

}  // namespace

TEST_CASE("config: the schema's example reads without problems") {
    const auto config = load_config_file(test::source_path("content-schema/examples/config.json"));
    REQUIRE(config.has_value());
    CHECK(config->problems.empty());
    const Settings& values = config->layer.values;
    CHECK(values.screen_id == "minato-lobby-1f-east");
    CHECK(values.screen_tags == std::vector<std::string>{"lobby", "1f"});
    CHECK(values.mqtt_topic == "keiji/alerts/minato");
    CHECK(values.alert_keys.size() == 1);
    CHECK(values.languages.size() == 3);
    CHECK(values.rotation == 90);
    CHECK(values.viewing_distance_m == doctest::Approx(3));
}

TEST_CASE("config: an empty object gives the defaults") {
    const auto config = parse("{}");
    CHECK(config.problems.empty());
    CHECK(config.layer.given.empty());
    const Settings resolved = resolve(config.layer, {}).values;
    CHECK(resolved.languages == std::vector<std::string>{"ja"});
    CHECK(resolved.state_directory == "/var/lib/keiji");
    CHECK(resolved.rotation == 0);
}

TEST_CASE("config: a wrong member is named, and its default kept, so the player still starts") {
    const auto config = parse(R"({"display": {"rotation": 45, "viewing_distance_m": "far"},
                                  "languges": ["ja"], "state_directory": "/tmp/k"})");
    REQUIRE(config.problems.size() == 3);
    CHECK(config.problems[0].where.pointer == "/languges");
    CHECK(config.problems[1].where.pointer == "/display/rotation");
    CHECK(config.problems[1].message.en == "\"rotation\" must be 0, 90, 180 or 270");
    CHECK(config.problems[2].where.pointer == "/display/viewing_distance_m");
    const Settings resolved = resolve(config.layer, {}).values;
    CHECK(resolved.rotation == 0);
    CHECK(resolved.viewing_distance_m == doctest::Approx(3));
    CHECK(resolved.state_directory == "/tmp/k");
}

TEST_CASE("config: the feed's poll interval, staleness note and keys") {
    const auto config = parse(R"({"feed": {"url": "https://signage.example.jp/keiji/feed.json",
                                           "poll_seconds": 60, "stale_after_minutes": 0,
                                           "public_keys": [{"key_id": "k", "public_key": "AA=="}]},
                                  "cache": {"directory": "/srv/cache", "budget_mb": 512}})");
    CHECK(config.problems.empty());
    const Settings& values = config.layer.values;
    CHECK(values.feed == "https://signage.example.jp/keiji/feed.json");
    CHECK(values.feed_poll_seconds == 60);
    CHECK(values.stale_after_minutes == 0);
    CHECK(values.feed_keys.size() == 1);
    CHECK(values.cache_directory == "/srv/cache");
    CHECK(values.cache_budget_mb == 512);

    const auto negative = parse(R"({"feed": {"url": "x", "stale_after_minutes": -5}})");
    REQUIRE(negative.problems.size() == 1);
    CHECK(negative.problems.front().to_string().find("stale_after_minutes") != std::string::npos);
    CHECK(resolve(negative.layer, {}).values.stale_after_minutes == 60);
}

TEST_CASE("config: the screen size is two members of display, both needed") {
    CHECK(parse(R"({"display": {"width": 1080, "height": 1920}})").layer.values.size ==
          ScreenSize{1080, 1920});
    const auto half = parse(R"({"display": {"width": 1080}})");
    CHECK_FALSE(half.layer.given.contains("display.size"));
    CHECK(half.problems.size() == 1);  // "height" is missing.
}

TEST_CASE("settings: the command line wins even when it says the default") {
    // keiji play --lang ja --config c.json, with "languages": ["en"] in c.json: Japanese.
    const auto config = parse(R"({"languages": ["en"], "display": {"rotation": 90}})");
    const ResolvedSettings resolved = resolve(config.layer, command_line({{"languages", "ja"}}));
    CHECK(resolved.values.languages == std::vector<std::string>{"ja"});
    CHECK(resolved.origin.at("languages") == Origin::command_line);
    CHECK(resolved.values.rotation == 90);
    CHECK(resolved.origin.at("display.rotation") == Origin::config_file);
    CHECK(resolved.origin.at("transition") == Origin::built_in);
}

TEST_CASE("settings: the command line's text is checked against the table's range") {
    Settings settings;
    CHECK_FALSE(find_setting("display.rotation")->value->parse("45", settings).has_value());
    CHECK_FALSE(find_setting("alerts.poll_seconds")->value->parse("0", settings).has_value());
    CHECK_FALSE(find_setting("display.size")->value->parse("big", settings).has_value());
    CHECK_FALSE(find_setting("transition")->value->parse("wipe", settings).has_value());
    CHECK_FALSE(find_setting("at")->value->parse("tomorrow", settings).has_value());
    REQUIRE(find_setting("at")->value->parse("2025-11-20T10:00:00+09:00", settings).has_value());
    CHECK(settings.at == model::parse_timestamp("2025-11-20T01:00:00Z"));
    // A list's first entry replaces the default; the next ones add to it.
    REQUIRE(find_setting("ticker")->value->parse("一", settings).has_value());
    REQUIRE(find_setting("ticker")->value->parse("二", settings).has_value());
    CHECK(settings.ticker == std::vector<std::string>{"一", "二"});
}

TEST_CASE("settings: every row is complete and names a real flag or key once") {
    std::set<std::string_view> names;
    std::set<std::string_view> flags;
    for (const Setting& setting : settings_table()) {
        CHECK_MESSAGE(names.insert(setting.name).second, setting.name);
        CHECK_MESSAGE(!setting.help.empty(), setting.name);
        CHECK_MESSAGE((!setting.flags.empty() || !setting.config_key.empty()), setting.name);
        if (!setting.flags.empty()) {
            CHECK_MESSAGE(flags.insert(setting.flag()).second, setting.name);
            CHECK(setting.flag().starts_with("--"));
        }
        if (!setting.config_key.empty()) {
            CHECK(setting.config_key.starts_with("/"));
        }
    }
}

TEST_CASE("settings: a window is 1280x720 unless told, headless 1920x1080") {
    Settings settings;
    CHECK(settings.frame_size() == ScreenSize{1280, 720});
    settings.headless = true;
    CHECK(settings.frame_size() == ScreenSize{1920, 1080});
    settings.size = ScreenSize{1080, 1920};
    CHECK(settings.frame_size() == ScreenSize{1080, 1920});
}
