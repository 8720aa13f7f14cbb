#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "studio/content_store.hpp"

namespace keiji::studio {

// What a publish puts on the screens, as {"playlists": [{"id", "title", …, "items": […]}]}:
// every playlist with its items in order, each item as approved (its draft) or as it was last
// published; a disabled item, or one never approved, is not there. Pure.
[[nodiscard]] nlohmann::json content_to_publish(const std::vector<PlaylistRecord>& playlists,
                                                const std::vector<ItemRecord>& items);

// The difference between two published contents in words, for the history and the page that
// asks "publish these changes?": one line per change, in English and Japanese.
struct ChangesInWords {
    std::vector<std::string> en;
    std::vector<std::string> ja;
    [[nodiscard]] bool empty() const { return en.empty(); }
};
[[nodiscard]] ChangesInWords describe_changes(const nlohmann::json& before,
                                              const nlohmann::json& after);

// An item's title for people: its Japanese title (else its first), ruby notation left out.
[[nodiscard]] std::string title_of(const nlohmann::json& item);

}  // namespace keiji::studio
