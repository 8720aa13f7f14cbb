#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/public_key.hpp"
#include "model/time.hpp"

namespace keiji::play {

struct ScreenSize {
    int width = 0;
    int height = 0;
    friend bool operator==(const ScreenSize&, const ScreenSize&) = default;
};

// Everything a screen can be told, by the command line or by keiji.json, with its default. Each
// member is declared once more, with its flag, config key, range, help and where it applies, in
// the table of settings_table.cpp: the command line and the configuration file are both read
// through that table, never by hand.
struct Settings {
    // Content
    std::string content = "playlists";  // A folder of playlists or one playlist file.
    std::string feed;                   // URL or folder of a feed; empty: `content` only.
    int feed_poll_seconds = 300;
    std::vector<model::PublicKey> feed_keys;  // Non-empty: only feeds signed by one of them.
    int stale_after_minutes = 60;             // 最終更新 in the header after this; 0 never.
    std::string cache_directory = "/var/cache/keiji";
    long long cache_budget_mb = 2048;
    std::string state_directory = "/var/lib/keiji";
    // The screen
    std::string screen_id;
    std::vector<std::string> screen_tags;
    std::vector<std::string> languages{"ja"};
    // "rotate": each appearance of an item in the next of its languages; "bilingual": the title
    // in its first language with another of its languages under it, in turn; "split": each
    // appearance in equal parts, one per language, in the screen's order.
    std::string language_layout = "rotate";
    int rotation = 0;                // Degrees clockwise: 0, 90, 180, 270.
    std::optional<ScreenSize> size;  // None: 1280×720 in a window, 1920×1080 otherwise.
    double diagonal_inches = 55;
    double viewing_distance_m = 3;
    bool fullscreen = false;
    std::string transition = "crossfade";
    bool japanese_era = false;
    std::vector<std::string> ticker;
    // Alerts
    std::string alert_keys_file;  // Empty: alert_keys, else /etc/keiji/alert-keys.json.
    std::vector<model::PublicKey> alert_keys;
    std::string mqtt_url;
    std::string mqtt_topic = "keiji/alert";
    std::string mqtt_username;  // Empty: the screen id.
    std::string mqtt_password_file;
    std::string mqtt_ca_file;
    std::string alert_url;
    double alert_poll_seconds = 5;
    double alert_rotation_seconds = 8;
    // Headless runs and time
    bool headless = false;
    std::string out_directory = "out/frames";
    std::optional<double> seconds;
    std::optional<int> cycles;
    bool discard_frames = false;
    std::optional<model::TimePoint> at;  // The clock starts here instead of now.
    bool realtime = false;
    // Where the rest came from (not a setting of the file itself).
    std::string config_file;

    // The language the screen shows first.
    [[nodiscard]] const std::string& language() const { return languages.front(); }
    // The frame size: the one given, else 1280×720 for a window and 1920×1080 headless.
    [[nodiscard]] ScreenSize frame_size() const;
};

// Which commands a setting applies to (a bit set).
enum Context : unsigned {
    in_window = 1,    // keiji play in a window or full screen
    in_headless = 2,  // keiji play --headless
    in_checks = 4,    // keiji validate and keiji preview
    in_cache = 8,     // keiji cache
};
inline constexpr unsigned in_play = in_window | in_headless;

// Who set a setting's value.
enum class Origin { built_in, config_file, command_line };
[[nodiscard]] std::string_view to_string(Origin origin);

// What one source said: the values it set, by setting name; the others are left at default.
struct SettingsLayer {
    Settings values;
    std::set<std::string, std::less<>> given;
};

// The settings in force, and who set each of them.
struct ResolvedSettings {
    Settings values;
    std::map<std::string, Origin, std::less<>> origin;
};

// The command line wins over the configuration file, which wins over the defaults: whatever the
// value, a setting given on the command line is the command line's (so `--lang ja` wins over a
// keiji.json saying "en", although "ja" is also the default).
[[nodiscard]] ResolvedSettings resolve(const SettingsLayer& config_file,
                                       const SettingsLayer& command_line);

}  // namespace keiji::play
