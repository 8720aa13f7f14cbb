#pragma once

#include <optional>
#include <string>

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
    std::optional<std::string> at;  // Start the clock at this ISO 8601 time instead of now.
    std::string language = "ja";
};

// Runs `keiji play`. Returns the process exit code.
[[nodiscard]] int run_play(const PlayOptions& options);

}  // namespace keiji::app
