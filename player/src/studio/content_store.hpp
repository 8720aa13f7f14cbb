#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "studio/database.hpp"
#include "studio/workflow.hpp"

namespace keiji::studio {

struct PlaylistRecord {
    std::string id;
    nlohmann::json title;  // {"ja": …, "en": …}
    nlohmann::json extra;  // The playlist's other members (opening_hours, theme), passed through.
    std::int64_t position = 0;
    // The screen groups it plays on (ScreenGroup tags); {"*"}: every screen.
    std::vector<std::string> screens{"*"};
};

struct ItemRecord {
    std::string id;
    std::string playlist;
    std::int64_t position = 0;
    nlohmann::json draft;                // The item as being edited (playlist item format).
    std::optional<nlohmann::json> live;  // As last published; nullopt: never published.
    ItemState state = ItemState::draft;
    bool enabled = true;
    std::string reason;  // Why it was rejected.
    std::string updated_by;
    std::string updated_at;
    std::int64_t revision = 1;
};

// The playlists and items staff work on, with each item's draft and published versions.
class ContentStore {
public:
    explicit ContentStore(Database& database) : m_database(database) {}

    [[nodiscard]] model::Result<std::vector<PlaylistRecord>> playlists();
    [[nodiscard]] model::Result<std::vector<ItemRecord>> items();  // In playlist and item order.
    [[nodiscard]] model::Result<std::optional<ItemRecord>> item(std::string_view id);

    [[nodiscard]] model::Result<PlaylistRecord> add_playlist(std::string id, nlohmann::json title,
                                                             nlohmann::json extra);
    // Which screen groups `playlist` plays on ("*": every screen); 404 for an unknown playlist.
    [[nodiscard]] model::Result<void> set_playlist_screens(std::string_view playlist,
                                                           const std::vector<std::string>& screens);
    // A new item at the end of `playlist`, as a draft. The id must be unused.
    [[nodiscard]] model::Result<ItemRecord> add_item(const std::string& playlist,
                                                     const nlohmann::json& draft,
                                                     std::string_view by, std::string_view now);
    // Saves an edit made from `revision`; fails with 409 when someone saved since.
    [[nodiscard]] model::Result<ItemRecord> save(std::string_view id, const nlohmann::json& draft,
                                                 std::int64_t revision, ItemState state,
                                                 std::string_view by, std::string_view now);
    [[nodiscard]] model::Result<ItemRecord> set_state(std::string_view id, ItemState state,
                                                      std::string_view reason, std::string_view by,
                                                      std::string_view now);
    [[nodiscard]] model::Result<ItemRecord> set_enabled(std::string_view id, bool enabled,
                                                        std::string_view by, std::string_view now);
    // After a publish or a rollback: what is now on screens, item by item (nullopt: not there).
    [[nodiscard]] model::Result<void> set_live(std::string_view id,
                                               const std::optional<nlohmann::json>& live,
                                               ItemState state);

    // A fresh id for a new item of `type`: "promo-20261129-3".
    [[nodiscard]] model::Result<std::string> new_item_id(std::string_view type,
                                                         std::string_view day);

private:
    Database& m_database;
};

}  // namespace keiji::studio
