#pragma once

#include <string>
#include <vector>

#include "app/content_loader.hpp"
#include "app/play_command.hpp"

namespace keiji::app {

// Where a screen's content comes from.
struct ContentSource {
    std::string bundled;          // The bundled playlists: a folder or one file.
    std::string cache_directory;  // Empty: no feed is configured, play the bundled ones.
    std::string screen_id;
    std::vector<std::string> screen_tags;
};

// What the screen plays now: the cache's current feed; if that cannot be opened, the feed
// before it; if there is none either (a new screen that never synced), the bundled playlists.
// Never nothing: each step down is logged with its reason.
[[nodiscard]] LoadedContent load_screen_content(const ContentSource& source);

// The source `keiji play` reads with these options: the cache only when a feed is configured.
[[nodiscard]] ContentSource content_source_of(const PlayOptions& options);

}  // namespace keiji::app
