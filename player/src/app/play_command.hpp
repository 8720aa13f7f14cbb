#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/config.hpp"

namespace keiji::app {

struct PlayOptions {
    std::string content = "playlists";  // A folder of playlists or one playlist file.
    int width = 1280;
    int height = 720;
    bool size_given = false;
    bool fullscreen = false;
    bool headless = false;
    std::string out_directory = "out/frames";
    std::optional<double> seconds;  // Headless: simulated seconds to play.
    std::optional<int> cycles;      // Headless: stop after this many passes through the content.
    // Headless: render every frame but write no PNG (a long run on the virtual clock, a soak).
    bool discard_frames = false;
    std::optional<std::string> at;  // Start the clock at this ISO 8601 time instead of now.
    std::string language = "ja";
    // Disaster alerts (until the config file has them).
    std::string state_directory = "/var/lib/keiji";
    std::optional<std::string> alert_keys;  // Default /etc/keiji/alert-keys.json when it exists.
    std::string mqtt_url;
    std::string mqtt_topic = "keiji/alert";
    std::string alert_url;
    double alert_poll_seconds = 2;
    double alert_rotation_seconds = 8;
    bool realtime = false;  // Headless: run on the real clocks, for the alert channels.
    // The kiosk's configuration (/etc/keiji/keiji.json); its values fill what the command line
    // left at its defaults.
    std::optional<std::string> config_file;
    std::vector<model::PublicKey> config_alert_keys;  // From keiji.json; --alert-keys wins.
    std::string transition = "crossfade";             // crossfade, cut or slide.
    bool japanese_era = false;        // 令和8年 in the header instead of 2026年.
    std::vector<std::string> ticker;  // Short notices scrolling at the bottom.
    std::string screen_id;
    // Degrees the picture is turned clockwise on the panel (0, 90, 180, 270); nullopt: the
    // configuration's, or none.
    std::optional<int> rotation;
    // The feed (URL or folder) kept in the offline cache; empty: `content` only. With a feed the
    // screen plays the cache's last good feed, and `content` until the first sync.
    std::string feed;
    std::string cache_directory = "/var/cache/keiji";
    std::vector<std::string> screen_tags;
    std::vector<model::PublicKey> feed_keys;  // Non-empty: only feeds signed by one of them.
    double feed_poll_seconds = 300;
    long long cache_budget_mb = 2048;
    // 最終更新 with the last good sync's time appears in the header when that sync is older
    // than this; 0 hides it.
    double stale_after_minutes = 60;
};

// Runs `keiji play`. Returns the process exit code.
[[nodiscard]] int run_play(const PlayOptions& options);

}  // namespace keiji::app
