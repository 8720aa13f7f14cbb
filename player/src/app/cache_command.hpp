#pragma once

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace keiji::app {

struct CacheCommandOptions {
    std::string action;  // ls, verify, gc, sync: set by the parser.
    std::optional<std::string> config_file;
    std::string cache_directory = "/var/cache/keiji";
    std::string feed;  // sync: URL or folder; default from the config.
    std::optional<long long> budget_mb;
    double timeout_seconds = 600;
    std::string language = "en";
};

// `keiji cache ls | verify | gc | sync`: look into and look after the offline cache.
CLI::App* add_cache_command(CLI::App& app, CacheCommandOptions& options);
[[nodiscard]] int run_cache(const CacheCommandOptions& options);

struct FeedCommandOptions {
    std::string directory;
    std::string key_file;  // Optional: sign with this secret key.
    std::string language = "en";
};

// `keiji feed build DIR [--key SECRET]`: writes DIR/feed.json (and its signature) listing the
// playlists in DIR and the images they use, with sizes and SHA-256, ready to serve.
CLI::App* add_feed_command(CLI::App& app, FeedCommandOptions& options);
[[nodiscard]] int run_feed(const FeedCommandOptions& options);

}  // namespace keiji::app
