#include "play/content_source.hpp"

#include <fmt/format.h>

#include "sync/snapshot.hpp"

namespace keiji::play {

LoadedContent load_screen_content(const ContentSource& source) {
    model::Errors problems;
    if (!source.cache_directory.empty()) {
        const sync::ObjectStore store(source.cache_directory);
        const auto index = sync::load_index(store.root());
        if (!index) {
            problems.push_back(index.error());
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
                problems.push_back(
                    model::Error(snapshot.error())
                        .context(fmt::format("the {} cached feed cannot be played", name)));
                continue;
            }
            LoadedContent content = load_snapshot(*snapshot);
            if (!content.items.empty()) {
                content.problems.insert(content.problems.begin(), problems.begin(), problems.end());
                return content;
            }
            problems.push_back(
                model::error(fmt::format("the {} cached feed has nothing to play", name)));
        }
    }
    LoadedContent content = load_content(source.bundled);
    content.problems.insert(content.problems.begin(), problems.begin(), problems.end());
    if (!source.cache_directory.empty()) {
        content.origin += fmt::format(
            " (no playable feed in the cache {} yet: until the first "
            "sync)",
            source.cache_directory);
    }
    return content;
}

ContentSource content_source_of(const Settings& settings) {
    return ContentSource{.bundled = settings.content,
                         .cache_directory = settings.feed.empty() ? "" : settings.cache_directory,
                         .screen_id = settings.screen_id,
                         .screen_tags = settings.screen_tags};
}

}  // namespace keiji::play
