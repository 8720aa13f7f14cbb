#include "studio/publishing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace keiji::studio {

namespace {

Version version_of(const SqlRow& row) {
    return Version{.id = row.integer(0),
                   .published_at = row.text(1),
                   .published_by = row.text(2),
                   .summary = {row.text(3), row.text(4)},
                   .feed_sha256 = row.text(5)};
}

std::string joined(const std::vector<std::string>& lines, std::string_view separator) {
    return fmt::format("{}", fmt::join(lines, separator));
}

}  // namespace

model::Result<nlohmann::json> Publishing::last_content() {
    const auto rows =
        KEIJI_TRY(m_database.query("SELECT content_json FROM versions ORDER BY id DESC LIMIT 1"));
    if (rows.empty()) {
        return nlohmann::json{{"playlists", nlohmann::json::array()}};
    }
    return nlohmann::json::parse(rows.front().text(0), nullptr, false);
}

model::Result<ChangesInWords> Publishing::pending_changes() {
    const auto next = content_to_publish(KEIJI_TRY(m_content.playlists()),
                                         KEIJI_TRY(m_content.items()), KEIJI_TRY(m_groups.list()));
    return describe_changes(KEIJI_TRY(last_content()), next);
}

model::Result<Version> Publishing::record(const nlohmann::json& content,
                                          const ChangesInWords& changes, std::string_view by,
                                          std::string_view now) {
    if (content["playlists"].empty()) {
        return model::failure(http_error(422, "nothing would play: approve an item first",
                                         "表示するものがありません。先に項目を承認してください"));
    }
    const std::string feed_sha256 = KEIJI_TRY(write_feed_folder(content, m_target));
    KEIJI_TRY(m_database.execute(
        "INSERT INTO versions (published_at, published_by, content_json, feed_sha256, "
        "summary_en, summary_ja) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        {std::string(now), std::string(by), content.dump(), feed_sha256, joined(changes.en, "; "),
         joined(changes.ja, "。")}));
    const auto rows = KEIJI_TRY(m_database.query(
        "SELECT id, published_at, published_by, summary_en, summary_ja, feed_sha256 "
        "FROM versions ORDER BY id DESC LIMIT 1"));
    return version_of(rows.front());
}

model::Result<Version> Publishing::publish(std::string_view by, std::string_view now) {
    return m_database.transaction([&]() -> model::Result<Version> {
        const auto items = KEIJI_TRY(m_content.items());
        const nlohmann::json content =
            content_to_publish(KEIJI_TRY(m_content.playlists()), items, KEIJI_TRY(m_groups.list()));
        const ChangesInWords changes = describe_changes(KEIJI_TRY(last_content()), content);
        if (changes.empty()) {
            return model::failure(http_error(409, "nothing has changed since the last publish",
                                             "前回の公開から変更はありません"));
        }
        Version version = KEIJI_TRY(record(content, changes, by, now));
        for (const ItemRecord& item : items) {
            if (item.enabled && item.state == ItemState::approved) {
                KEIJI_TRY(m_content.set_live(item.id, item.draft, ItemState::published));
            }
        }
        return version;
    });
}

model::Result<Version> Publishing::take_off(std::string_view item, std::string_view by,
                                            std::string_view now) {
    return m_database.transaction([&]() -> model::Result<Version> {
        const nlohmann::json before = KEIJI_TRY(last_content());
        nlohmann::json content = before;
        for (auto& playlist : content["playlists"]) {
            auto& items = playlist["items"];
            items.erase(std::remove_if(items.begin(), items.end(),
                                       [&](const nlohmann::json& entry) {
                                           return entry.value("id", "") == item;
                                       }),
                        items.end());
        }
        auto& playlists = content["playlists"];
        playlists.erase(std::remove_if(playlists.begin(), playlists.end(),
                                       [](const nlohmann::json& playlist) {
                                           return playlist["items"].empty();
                                       }),
                        playlists.end());
        drop_missing_playlists(content);
        const ChangesInWords changes = describe_changes(before, content);
        if (changes.empty()) {
            return model::failure(
                http_error(409, "the item is not on the screens", "その項目は表示されていません"));
        }
        return record(content, changes, by, now);
    });
}

model::Result<Version> Publishing::rollback(std::int64_t version, std::string_view by,
                                            std::string_view now) {
    return m_database.transaction([&]() -> model::Result<Version> {
        const auto rows = KEIJI_TRY(
            m_database.query("SELECT content_json FROM versions WHERE id = ?1", {version}));
        if (rows.empty()) {
            return model::failure(http_error(404, fmt::format("there is no version {}", version),
                                             fmt::format("版 {} はありません", version)));
        }
        const nlohmann::json content = nlohmann::json::parse(rows.front().text(0), nullptr, false);
        ChangesInWords changes = describe_changes(KEIJI_TRY(last_content()), content);
        changes.en.insert(changes.en.begin(), fmt::format("back to version {}", version));
        changes.ja.insert(changes.ja.begin(), fmt::format("版 {} に戻す", version));
        Version recorded = KEIJI_TRY(record(content, changes, by, now));
        // Each item is now what that version had; a newer draft stays a draft to publish again.
        std::map<std::string, nlohmann::json> live;
        for (const auto& playlist : content["playlists"]) {
            for (const auto& item : playlist["items"]) {
                live[item.value("id", "")] = item;
            }
        }
        for (const ItemRecord& item : KEIJI_TRY(m_content.items())) {
            const auto found = live.find(item.id);
            const std::optional<nlohmann::json> now_live =
                found == live.end() ? std::nullopt : std::optional(found->second);
            ItemState state = item.state;
            if (state == ItemState::published && now_live != item.draft) {
                state = ItemState::draft;
            }
            KEIJI_TRY(m_content.set_live(item.id, now_live, state));
        }
        return recorded;
    });
}

model::Result<std::vector<Version>> Publishing::versions() {
    const auto rows = KEIJI_TRY(m_database.query(
        "SELECT id, published_at, published_by, summary_en, summary_ja, feed_sha256 "
        "FROM versions ORDER BY id DESC LIMIT 200"));
    std::vector<Version> versions;
    for (const SqlRow& row : rows) {
        versions.push_back(version_of(row));
    }
    return versions;
}

}  // namespace keiji::studio
