#include <fmt/format.h>

#include "model/config.hpp"
#include "model/object_reader.hpp"

namespace keiji::model {

namespace {

std::vector<std::string> read_strings(const JsonDocument& document, ObjectReader& reader,
                                      std::string_view name, Errors& errors) {
    std::vector<std::string> values;
    const auto* list = reader.array(name, Presence::optional);
    for (std::size_t i = 0; list != nullptr && i < list->size(); ++i) {
        if ((*list)[i].is_string()) {
            values.push_back((*list)[i].get<std::string>());
        } else {
            errors.push_back(
                Error{.where = document.location_of(append_pointer(reader.member_pointer(name), i)),
                      .message = {"each entry must be text in double quotes",
                                  "各項目はダブルクォートで囲んだ文字列にしてください"}});
        }
    }
    return values;
}

std::vector<PublicKey> read_keys(const JsonDocument& document, ObjectReader& reader,
                                 Errors& errors) {
    std::vector<PublicKey> keys;
    const auto* list = reader.array("public_keys", Presence::optional);
    for (std::size_t i = 0; list != nullptr && i < list->size(); ++i) {
        ObjectReader key(document, append_pointer(reader.member_pointer("public_keys"), i), errors,
                         {"key_id", "public_key"});
        auto id = key.string("key_id", Presence::required);
        auto value = key.string("public_key", Presence::required);
        if (id && value) {
            keys.push_back(PublicKey{*id, *value});
        }
    }
    return keys;
}

}  // namespace

ConfigResult parse_config(const JsonDocument& document) {
    ConfigResult result;
    Errors& errors = result.problems;
    Config& config = result.config;
    ObjectReader top(document, "", errors,
                     {"$schema", "screen", "feed", "alerts", "languages", "display", "cache",
                      "state_directory"});
    if (!top.is_object()) {
        return result;
    }
    if (top.has("screen")) {
        ObjectReader screen(document, "/screen", errors, {"id", "tags"});
        config.screen_id = screen.string("id", Presence::optional).value_or("");
        config.screen_tags = read_strings(document, screen, "tags", errors);
    }
    if (top.has("feed")) {
        ObjectReader feed(document, "/feed", errors,
                          {"url", "poll_seconds", "public_keys", "stale_after_minutes"});
        config.feed_url = feed.string("url", Presence::required).value_or("");
        config.feed_poll_seconds =
            int(feed.integer("poll_seconds", Presence::optional, 10, 86400).value_or(300));
        config.feed_keys = read_keys(document, feed, errors);
        config.stale_after_minutes =
            int(feed.integer("stale_after_minutes", Presence::optional, 0, 100000).value_or(60));
    }
    if (top.has("alerts")) {
        ObjectReader alerts(document, "/alerts", errors,
                            {"mqtt", "poll_url", "poll_seconds", "public_keys"});
        if (alerts.has("mqtt")) {
            ObjectReader mqtt(document, "/alerts/mqtt", errors, {"url", "topic"});
            config.alert_mqtt_url = mqtt.string("url", Presence::required).value_or("");
            config.alert_mqtt_topic = mqtt.string("topic", Presence::required).value_or("");
        }
        config.alert_poll_url = alerts.string("poll_url", Presence::optional).value_or("");
        config.alert_poll_seconds =
            int(alerts.integer("poll_seconds", Presence::optional, 1, 3600).value_or(15));
        config.alert_keys = read_keys(document, alerts, errors);
    }
    if (top.has("languages")) {
        auto languages = read_strings(document, top, "languages", errors);
        if (!languages.empty()) {
            config.languages = std::move(languages);
        }
    }
    if (top.has("display")) {
        ObjectReader display(
            document, "/display", errors,
            {"rotation", "width", "height", "diagonal_inches", "viewing_distance_m"});
        if (const auto rotation = display.integer("rotation", Presence::optional, 0, 270)) {
            if (*rotation % 90 == 0) {
                config.rotation = int(*rotation);
            } else {
                display.fail("rotation",
                             {"\"rotation\" must be 0, 90, 180 or 270",
                              "「rotation」は 0、90、180、270 のいずれかにしてください"});
            }
        }
        if (const auto width = display.integer("width", Presence::optional, 160, 8192)) {
            config.width = int(*width);
        }
        if (const auto height = display.integer("height", Presence::optional, 120, 8192)) {
            config.height = int(*height);
        }
        config.diagonal_inches =
            display.number("diagonal_inches", Presence::optional, 5, 500).value_or(55);
        config.viewing_distance_m =
            display.number("viewing_distance_m", Presence::optional, 0.3, 100).value_or(3);
    }
    if (top.has("cache")) {
        ObjectReader cache(document, "/cache", errors, {"directory", "budget_mb"});
        config.cache_directory =
            cache.string("directory", Presence::optional).value_or(config.cache_directory);
        config.cache_budget_mb =
            cache.integer("budget_mb", Presence::optional, 16, 1 << 20).value_or(2048);
    }
    config.state_directory =
        top.string("state_directory", Presence::optional).value_or(config.state_directory);
    return result;
}

}  // namespace keiji::model
