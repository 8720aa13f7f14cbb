#pragma once

#include <string>
#include <vector>

#include "play/content_loader.hpp"
#include "play/settings.hpp"

namespace keiji::play {

// Where a screen's content comes from.
struct ContentSource {
    std::string bundled;          // The bundled playlists: a folder or one file.
    std::string cache_directory;  // Empty: no feed is configured, play the bundled ones.
    std::string screen_id;
    std::vector<std::string> screen_tags;
};

// What the screen plays now: the cache's current feed; if that cannot be opened, the feed
// before it; if there is none either (a new screen that never synced), the bundled playlists.
// Never nothing: each step down is a problem in the result, with its reason.
[[nodiscard]] LoadedContent load_screen_content(const ContentSource& source);

// The source `keiji play` reads with these settings: the cache only when a feed is configured.
[[nodiscard]] ContentSource content_source_of(const Settings& settings);

}  // namespace keiji::play
