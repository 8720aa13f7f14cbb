#include "app/content_source.hpp"

#include <fmt/format.h>

#include "app/log.hpp"
#include "sync/snapshot.hpp"

namespace keiji::app {

LoadedContent load_screen_content(const ContentSource& source) {
    if (!source.cache_directory.empty()) {
        const sync::ObjectStore store(source.cache_directory);
        const auto index = sync::load_index(store.root());
        if (!index) {
            log(Priority::error, "sync", index.error());
        }
        for (const auto& [name, record] :
             {std::pair{"current", index ? index->current : std::nullopt},
              std::pair{"previous", index ? index->previous : std::nullopt}}) {
            if (!record) {
                continue;
            }
            const auto snapshot =
                sync::open_snapshot(store, *record, source.screen_id, source.screen_tags);
            if (!snapshot) {
                log(Priority::error, "sync",
                    fmt::format("the {} cached feed cannot be played: {}", name, snapshot.error()));
                continue;
            }
            LoadedContent content = load_snapshot(*snapshot);
            if (!content.items.empty()) {
                return content;
            }
            log(Priority::error, "sync",
                fmt::format("the {} cached feed has nothing to play", name));
        }
        log(Priority::notice, "sync",
            fmt::format("no feed in the cache {} yet: playing the bundled playlists until the "
                        "first sync",
                        source.cache_directory));
    }
    return load_content(source.bundled);
}

ContentSource content_source_of(const PlayOptions& options) {
    return ContentSource{.bundled = options.content,
                         .cache_directory = options.feed.empty() ? "" : options.cache_directory,
                         .screen_id = options.screen_id,
                         .screen_tags = options.screen_tags};
}

}  // namespace keiji::app
