#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "studio/database.hpp"

namespace keiji::studio {

// A group of screens, named by the tag each of its screens carries in keiji.json (screen.tags):
// "lobby-1f" for 本庁舎1階ロビー. Playlists are assigned to groups, the timeline is drawn per
// group, and the published feed tells each screen which playlists are its own.
struct ScreenGroup {
    std::string tag;
    std::string name;                    // For people: "本庁舎1階ロビー".
    std::vector<std::string> languages;  // The group's screens' "languages", in order.
};

// "*": every screen, in a playlist's list of groups and in the feed.
inline constexpr std::string_view every_screen = "*";

// Problems with a list of groups before it is saved, each in English and Japanese: a tag that is
// not 1 to 40 of a-z, 0-9, '-' or '_' (or is used twice), a missing name, no language or one
// keiji does not know.
[[nodiscard]] model::Result<std::vector<ScreenGroup>> screen_groups_from_json(
    const nlohmann::json& list);
[[nodiscard]] nlohmann::json to_json(const ScreenGroup& group);

class ScreenGroups {
public:
    explicit ScreenGroups(Database& database) : m_database(database) {}

    [[nodiscard]] model::Result<std::vector<ScreenGroup>> list();
    // Replaces every group with `groups`, in that order. A group that goes is also taken out of
    // every playlist's list (which falls back to every screen when nothing is left).
    [[nodiscard]] model::Result<void> replace(const std::vector<ScreenGroup>& groups);

private:
    Database& m_database;
};

}  // namespace keiji::studio
