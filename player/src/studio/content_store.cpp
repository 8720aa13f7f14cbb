#include "studio/content_store.hpp"

#include <fmt/format.h>

namespace keiji::studio {

namespace {

constexpr const char* item_columns =
    "id, playlist_id, position, draft_json, live_json, state, enabled, reason, updated_by, "
    "updated_at, revision";

ItemRecord item_of(const SqlRow& row) {
    ItemRecord item{.id = row.text(0),
                    .playlist = row.text(1),
                    .position = row.integer(2),
                    .draft = nlohmann::json::parse(row.text(3), nullptr, false),
                    .state = parse_item_state(row.text(5)).value_or(ItemState::draft),
                    .enabled = row.integer(6) != 0,
                    .reason = row.text(7),
                    .updated_by = row.text(8),
                    .updated_at = row.text(9),
                    .revision = row.integer(10)};
    if (!row.is_null(4)) {
        item.live = nlohmann::json::parse(row.text(4), nullptr, false);
    }
    return item;
}

model::Error no_item(std::string_view id) {
    return http_error(404, fmt::format("there is no item \"{}\"", id),
                      fmt::format("項目「{}」はありません", id));
}

}  // namespace

model::Result<std::vector<PlaylistRecord>> ContentStore::playlists() {
    const auto rows = KEIJI_TRY(
        m_database.query("SELECT id, title_json, extra_json, position, screens_json FROM playlists "
                         "ORDER BY position, id"));
    std::vector<PlaylistRecord> playlists;
    for (const SqlRow& row : rows) {
        PlaylistRecord playlist{.id = row.text(0),
                                .title = nlohmann::json::parse(row.text(1), nullptr, false),
                                .extra = nlohmann::json::parse(row.text(2), nullptr, false),
                                .position = row.integer(3),
                                .screens = {}};
        const auto screens = nlohmann::json::parse(row.text(4), nullptr, false);
        for (const auto& tag : screens.is_array() ? screens : nlohmann::json::array()) {
            if (tag.is_string()) {
                playlist.screens.push_back(tag.get<std::string>());
            }
        }
        if (playlist.screens.empty()) {
            playlist.screens.emplace_back("*");
        }
        playlists.push_back(std::move(playlist));
    }
    return playlists;
}

model::Result<std::vector<ItemRecord>> ContentStore::items() {
    const auto rows = KEIJI_TRY(m_database.query(fmt::format(
        "SELECT {} FROM items i JOIN playlists p ON p.id = i.playlist_id "
        "ORDER BY p.position, p.id, i.position, i.id",
        "i.id, i.playlist_id, i.position, i.draft_json, i.live_json, i.state, i.enabled, "
        "i.reason, i.updated_by, i.updated_at, i.revision")));
    std::vector<ItemRecord> items;
    for (const SqlRow& row : rows) {
        items.push_back(item_of(row));
    }
    return items;
}

model::Result<std::optional<ItemRecord>> ContentStore::item(std::string_view id) {
    const auto rows = KEIJI_TRY(m_database.query(
        fmt::format("SELECT {} FROM items WHERE id = ?1", item_columns), {std::string(id)}));
    if (rows.empty()) {
        return std::optional<ItemRecord>();
    }
    return std::optional<ItemRecord>(item_of(rows.front()));
}

model::Result<void> ContentStore::set_playlist_screens(std::string_view playlist,
                                                       const std::vector<std::string>& screens) {
    const std::vector<std::string> stored =
        screens.empty() ? std::vector<std::string>{"*"} : screens;
    const std::int64_t changed =
        KEIJI_TRY(m_database.execute("UPDATE playlists SET screens_json = ?1 WHERE id = ?2",
                                     {nlohmann::json(stored).dump(), std::string(playlist)}));
    if (changed == 0) {
        return model::failure(http_error(404, fmt::format("there is no playlist \"{}\"", playlist),
                                         fmt::format("プレイリスト「{}」はありません", playlist)));
    }
    return {};
}

model::Result<PlaylistRecord> ContentStore::add_playlist(std::string id, nlohmann::json title,
                                                         nlohmann::json extra) {
    const auto count = KEIJI_TRY(m_database.query("SELECT COUNT(*) FROM playlists"));
    const std::int64_t position = count.front().integer(0);
    auto inserted = m_database.execute(
        "INSERT INTO playlists (id, title_json, extra_json, position) VALUES (?1, ?2, ?3, ?4)",
        {id, title.dump(), extra.dump(), position});
    if (!inserted) {
        if (inserted.error().cause.code == SQLITE_CONSTRAINT_PRIMARYKEY) {
            return model::failure(
                http_error(409, fmt::format("there is a playlist \"{}\" already", id),
                           fmt::format("プレイリスト「{}」はすでにあります", id)));
        }
        return model::failure(std::move(inserted.error()));
    }
    return PlaylistRecord{std::move(id), std::move(title), std::move(extra), position};
}

model::Result<ItemRecord> ContentStore::add_item(const std::string& playlist,
                                                 const nlohmann::json& draft, std::string_view by,
                                                 std::string_view now) {
    const std::string id = draft.value("id", "");
    const auto rows =
        KEIJI_TRY(m_database.query("SELECT COUNT(*) FROM playlists WHERE id = ?1", {playlist}));
    if (rows.front().integer(0) == 0) {
        return model::failure(http_error(404, fmt::format("there is no playlist \"{}\"", playlist),
                                         fmt::format("プレイリスト「{}」はありません", playlist)));
    }
    auto inserted = m_database.execute(
        "INSERT INTO items (id, playlist_id, position, draft_json, state, updated_by, updated_at) "
        "VALUES (?1, ?2, (SELECT COUNT(*) FROM items WHERE playlist_id = ?2), ?3, 'draft', ?4, "
        "?5)",
        {id, playlist, draft.dump(), std::string(by), std::string(now)});
    if (!inserted) {
        if (inserted.error().cause.code == SQLITE_CONSTRAINT_PRIMARYKEY) {
            return model::failure(http_error(409, fmt::format("the id \"{}\" is taken", id),
                                             fmt::format("ID「{}」は使われています", id)));
        }
        return model::failure(std::move(inserted.error()));
    }
    return KEIJI_TRY(item(id)).value();
}

model::Result<ItemRecord> ContentStore::save(std::string_view id, const nlohmann::json& draft,
                                             std::int64_t revision, ItemState state,
                                             std::string_view by, std::string_view now) {
    const auto changed = KEIJI_TRY(m_database.execute(
        "UPDATE items SET draft_json = ?2, state = ?3, reason = '', updated_by = ?4, "
        "updated_at = ?5, revision = revision + 1 WHERE id = ?1 AND revision = ?6",
        {std::string(id), draft.dump(), std::string(to_string(state)), std::string(by),
         std::string(now), revision}));
    if (changed == 0) {
        if (!KEIJI_TRY(item(id))) {
            return model::failure(no_item(id));
        }
        return model::failure(
            http_error(409, "someone saved this item after you opened it; reload it first",
                       "開いた後に他の人がこの項目を保存しました。読み込み直してください"));
    }
    return KEIJI_TRY(item(id)).value();
}

model::Result<ItemRecord> ContentStore::set_state(std::string_view id, ItemState state,
                                                  std::string_view reason, std::string_view by,
                                                  std::string_view now) {
    const auto changed = KEIJI_TRY(m_database.execute(
        "UPDATE items SET state = ?2, reason = ?3, updated_at = ?5, "
        "updated_by = CASE WHEN ?2 IN ('approved', 'rejected') THEN updated_by ELSE ?4 END "
        "WHERE id = ?1",
        {std::string(id), std::string(to_string(state)), std::string(reason), std::string(by),
         std::string(now)}));
    if (changed == 0) {
        return model::failure(no_item(id));
    }
    return KEIJI_TRY(item(id)).value();
}

model::Result<ItemRecord> ContentStore::set_enabled(std::string_view id, bool enabled,
                                                    std::string_view by, std::string_view now) {
    const auto changed = KEIJI_TRY(m_database.execute(
        "UPDATE items SET enabled = ?2, updated_at = ?4 WHERE id = ?1",
        {std::string(id), std::int64_t(enabled ? 1 : 0), std::string(by), std::string(now)}));
    if (changed == 0) {
        return model::failure(no_item(id));
    }
    return KEIJI_TRY(item(id)).value();
}

model::Result<void> ContentStore::set_live(std::string_view id,
                                           const std::optional<nlohmann::json>& live,
                                           ItemState state) {
    KEIJI_TRY(
        m_database.execute("UPDATE items SET live_json = ?2, state = ?3 WHERE id = ?1",
                           {std::string(id), live ? SqlValue(live->dump()) : SqlValue(nullptr),
                            std::string(to_string(state))}));
    return {};
}

model::Result<std::string> ContentStore::new_item_id(std::string_view type, std::string_view day) {
    const std::string prefix = fmt::format("{}-{}-", type, day);
    const auto rows =
        KEIJI_TRY(m_database.query("SELECT COUNT(*) FROM items WHERE id LIKE ?1", {prefix + "%"}));
    for (std::int64_t n = rows.front().integer(0) + 1;; ++n) {
        const std::string id = prefix + std::to_string(n);
        if (!KEIJI_TRY(item(id))) {
            return id;
        }
    }
}

}  // namespace keiji::studio
