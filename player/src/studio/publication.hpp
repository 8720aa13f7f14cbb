#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "studio/content_store.hpp"
#include "studio/screen_groups.hpp"

namespace keiji::studio {

// What a publish puts on the screens, as {"playlists": [{"id", "title", …, "items": […]}],
// "screens": [{"tag", "playlists"}]}: every playlist with its items in order, each item as
// approved (its draft) or as it was last published (a disabled item, or one never approved, is
// not there); then for each screen group in order the playlists it plays (its own and those for
// every screen; a group with none is left out), and last, for "*", the playlists for every
// screen, which is all a screen in no group plays. Pure.
[[nodiscard]] nlohmann::json content_to_publish(const std::vector<PlaylistRecord>& playlists,
                                                const std::vector<ItemRecord>& items,
                                                const std::vector<ScreenGroup>& groups = {});

// The published playlists (content_to_publish's) that screens of group `tag` play; "*": those
// for every screen. Content published before groups existed plays everywhere.
[[nodiscard]] std::vector<std::string> playlists_for_group(const nlohmann::json& content,
                                                           std::string_view tag);

// After playlists left `content` (an item taken off emptied one): the screen assignments name
// only playlists that are still there.
void drop_missing_playlists(nlohmann::json& content);

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
