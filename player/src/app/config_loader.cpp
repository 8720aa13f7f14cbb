#include "app/config_loader.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "app/log.hpp"
#include "model/json_document.hpp"

namespace keiji::app {

namespace {

// "file:line:col: /pointer: message": the log line carries the severity itself.
std::string describe(const model::Error& error) {
    return fmt::format("{}:{}:{}: {}{}{}", error.where.file, error.where.line, error.where.column,
                       error.where.pointer, error.where.pointer.empty() ? "" : ": ",
                       error.message.en);
}

}  // namespace

std::optional<model::Config> load_config_file(const std::string& path, ConfigFallback fallback) {
    const char* instead = fallback == ConfigFallback::defaults ? "the default settings are used"
                                                               : "the settings in use stay";
    std::ifstream stream(path, std::ios::binary);
    if (!stream) {
        log(Priority::warning, "config", fmt::format("{}: cannot be read; {}", path, instead));
        return std::nullopt;
    }
    std::ostringstream text;
    text << stream.rdbuf();
    auto document = model::JsonDocument::parse(text.str(), path);
    if (!document) {
        for (const model::Error& error : document.error()) {
            log(Priority::error, "config", fmt::format("{} ({})", describe(error), instead));
        }
        return std::nullopt;
    }
    model::ConfigResult result = model::parse_config(*document);
    for (const model::Error& problem : result.problems) {
        log(Priority::error, "config", describe(problem) + " (its default is used)");
    }
    return std::move(result.config);
}

PlayOptions with_config(PlayOptions options, const model::Config& config) {
    const PlayOptions defaults;
    if (options.state_directory == defaults.state_directory) {
        options.state_directory = config.state_directory;
    }
    if (options.language == defaults.language && !config.languages.empty()) {
        options.language = config.languages.front();
    }
    if (!options.size_given && config.width && config.height) {
        options.width = *config.width;
        options.height = *config.height;
        options.size_given = true;
    }
    if (options.mqtt_url.empty()) {
        options.mqtt_url = config.alert_mqtt_url;
        if (!config.alert_mqtt_topic.empty() && options.mqtt_topic == defaults.mqtt_topic) {
            options.mqtt_topic = config.alert_mqtt_topic;
        }
    }
    if (options.alert_url.empty()) {
        options.alert_url = config.alert_poll_url;
        if (options.alert_poll_seconds == defaults.alert_poll_seconds) {
            options.alert_poll_seconds = config.alert_poll_seconds;
        }
    }
    if (!options.alert_keys) {
        options.config_alert_keys = config.alert_keys;
    }
    if (options.screen_id.empty()) {
        options.screen_id = config.screen_id;
    }
    if (!options.rotation) {
        options.rotation = config.rotation;
    }
    if (options.feed.empty()) {
        options.feed = config.feed_url;
    }
    if (options.cache_directory == defaults.cache_directory) {
        options.cache_directory = config.cache_directory;
    }
    options.screen_tags = config.screen_tags;
    options.feed_keys = config.feed_keys;
    options.feed_poll_seconds = config.feed_poll_seconds;
    options.cache_budget_mb = config.cache_budget_mb;
    if (options.stale_after_minutes == defaults.stale_after_minutes) {
        options.stale_after_minutes = config.stale_after_minutes;
    }
    return options;
}

}  // namespace keiji::app
