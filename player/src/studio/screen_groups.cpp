#include "studio/screen_groups.hpp"

#include <fmt/format.h>

#include <set>

#include "model/localized_text.hpp"
#include "studio/workflow.hpp"

namespace keiji::studio {

namespace {

bool is_valid_tag(std::string_view tag) {
    return !tag.empty() && tag.size() <= 40 &&
           tag.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos;
}

model::Error bad_group(std::size_t row, std::string_view en, std::string_view ja) {
    return http_error(400, fmt::format("screen group {}: {}", row + 1, en),
                      fmt::format("画面グループ {} 行目:{}", row + 1, ja));
}

}  // namespace

model::Result<std::vector<ScreenGroup>> screen_groups_from_json(const nlohmann::json& list) {
    if (!list.is_array() || list.size() > 200) {
        return model::failure(http_error(400, "screen groups are a list of at most 200",
                                         "画面グループは 200 件までの一覧です"));
    }
    std::vector<ScreenGroup> groups;
    std::set<std::string> tags;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const nlohmann::json& entry = list[i];
        if (!entry.is_object()) {
            return model::failure(bad_group(i, "is not an object", "形式が正しくありません"));
        }
        ScreenGroup group{.tag = entry.value("tag", ""), .name = entry.value("name", "")};
        if (!is_valid_tag(group.tag)) {
            return model::failure(bad_group(
                i, "the tag is 1 to 40 of a-z, 0-9, '-' and '_' (as in the screen's keiji.json)",
                "タグは英小文字・数字・- _ の 40 文字以内です(画面の keiji.json と同じもの)"));
        }
        if (!tags.insert(group.tag).second) {
            return model::failure(bad_group(i,
                                            fmt::format("the tag \"{}\" is used twice", group.tag),
                                            fmt::format("タグ「{}」が2回あります", group.tag)));
        }
        if (group.name.empty() || group.name.size() > 200) {
            return model::failure(bad_group(i, "give the group a name people know it by",
                                            "グループの名前を入れてください"));
        }
        const nlohmann::json languages = entry.value("languages", nlohmann::json::array({"ja"}));
        for (const auto& language : languages) {
            if (!language.is_string() ||
                !model::is_known_language_tag(language.get<std::string>())) {
                return model::failure(
                    bad_group(i, fmt::format("{} is not a language keiji knows", language.dump()),
                              fmt::format("{} は keiji の知らない言語です", language.dump())));
            }
            group.languages.push_back(language.get<std::string>());
        }
        if (group.languages.empty() || group.languages.size() > 10) {
            return model::failure(
                bad_group(i, "choose 1 to 10 languages", "言語を 1〜10 個選んでください"));
        }
        groups.push_back(std::move(group));
    }
    return groups;
}

nlohmann::json to_json(const ScreenGroup& group) {
    return {{"tag", group.tag}, {"name", group.name}, {"languages", group.languages}};
}

model::Result<std::vector<ScreenGroup>> ScreenGroups::list() {
    const auto rows = KEIJI_TRY(m_database.query(
        "SELECT tag, name, languages_json FROM screen_groups ORDER BY position, tag"));
    std::vector<ScreenGroup> groups;
    for (const SqlRow& row : rows) {
        const auto languages = nlohmann::json::parse(row.text(2), nullptr, false);
        ScreenGroup group{.tag = row.text(0), .name = row.text(1)};
        for (const auto& language : languages.is_array() ? languages : nlohmann::json::array()) {
            if (language.is_string()) {
                group.languages.push_back(language.get<std::string>());
            }
        }
        groups.push_back(std::move(group));
    }
    return groups;
}

model::Result<void> ScreenGroups::replace(const std::vector<ScreenGroup>& groups) {
    return m_database.transaction([&]() -> model::Result<void> {
        KEIJI_TRY(m_database.execute("DELETE FROM screen_groups"));
        std::set<std::string> kept{std::string(every_screen)};
        for (std::size_t i = 0; i < groups.size(); ++i) {
            const ScreenGroup& group = groups[i];
            KEIJI_TRY(m_database.execute(
                "INSERT INTO screen_groups (tag, name, languages_json, position) "
                "VALUES (?1, ?2, ?3, ?4)",
                {group.tag, group.name, nlohmann::json(group.languages).dump(), std::int64_t(i)}));
            kept.insert(group.tag);
        }
        // A playlist keeps only the groups that still exist.
        const auto rows = KEIJI_TRY(m_database.query("SELECT id, screens_json FROM playlists"));
        for (const SqlRow& row : rows) {
            const auto screens = nlohmann::json::parse(row.text(1), nullptr, false);
            nlohmann::json left = nlohmann::json::array();
            for (const auto& tag : screens.is_array() ? screens : nlohmann::json::array()) {
                if (tag.is_string() && kept.contains(tag.get<std::string>())) {
                    left.push_back(tag);
                }
            }
            if (left.empty()) {
                left.push_back(every_screen);
            }
            if (left != screens) {
                KEIJI_TRY(m_database.execute("UPDATE playlists SET screens_json = ?1 WHERE id = ?2",
                                             {left.dump(), row.text(0)}));
            }
        }
        return {};
    });
}

}  // namespace keiji::studio
