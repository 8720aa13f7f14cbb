#include "studio/publication.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "text/ruby.hpp"
#include "text/utf8.hpp"

namespace keiji::studio {

namespace {

// The fields staff change, in words.
struct FieldName {
    const char* member;
    const char* en;
    const char* ja;
};
constexpr FieldName field_names[] = {
    {"title", "title", "タイトル"},
    {"body", "text", "本文"},
    {"image", "photo", "写真"},
    {"image_focus", "photo's focus", "写真の中心"},
    {"schedule", "schedule", "表示期間"},
    {"duration", "duration", "表示時間"},
    {"sessions", "dates", "開催日時"},
    {"venue", "venue", "会場"},
    {"priority", "priority", "優先度"},
    {"weight", "share", "表示の比重"},
    {"url", "link", "リンク"},
    {"prefecture", "prefecture", "都道府県"},
    {"municipality", "municipality", "自治体"},
    {"importance", "importance", "重要度"},
    {"announce_days", "announcement", "告知期間"},
};

const char* in_words(const std::string& member, bool japanese) {
    for (const FieldName& field : field_names) {
        if (member == field.member) {
            return japanese ? field.ja : field.en;
        }
    }
    return nullptr;
}

std::map<std::string, std::pair<std::string, nlohmann::json>> items_by_id(
    const nlohmann::json& content) {
    std::map<std::string, std::pair<std::string, nlohmann::json>> items;
    if (!content.is_object() || !content.contains("playlists")) {
        return items;
    }
    for (const auto& playlist : content["playlists"]) {
        for (const auto& item : playlist.value("items", nlohmann::json::array())) {
            items[item.value("id", "")] = {playlist.value("id", ""), item};
        }
    }
    return items;
}

std::string label(const std::string& id, const nlohmann::json& item) {
    return fmt::format("「{}」({})", title_of(item), id);
}

// Screen groups that now play other playlists than before: "screens of lobby-1f play: a, b".
void describe_screen_changes(const nlohmann::json& before, const nlohmann::json& after,
                             ChangesInWords& changes) {
    const auto assignments = [](const nlohmann::json& content) {
        std::map<std::string, std::vector<std::string>> by_tag;
        if (!content.contains("screens")) {
            // Published before screen groups existed (or nothing yet): every screen played
            // every playlist.
            by_tag[std::string(every_screen)] = playlists_for_group(content, every_screen);
        }
        for (const auto& entry : content.value("screens", nlohmann::json::array())) {
            by_tag[entry.value("tag", "")] = entry.value("playlists", std::vector<std::string>());
        }
        return by_tag;
    };
    const auto old_screens = assignments(before);
    const auto new_screens = assignments(after);
    std::set<std::string> tags;
    for (const auto* side : {&old_screens, &new_screens}) {
        for (const auto& [tag, ids] : *side) {
            tags.insert(tag);
        }
    }
    for (const std::string& tag : tags) {
        const auto old_found = old_screens.find(tag);
        const auto new_found = new_screens.find(tag);
        const std::vector<std::string> none;
        const auto& old_ids = old_found == old_screens.end() ? none : old_found->second;
        const auto& new_ids = new_found == new_screens.end() ? none : new_found->second;
        if (old_ids == new_ids) {
            continue;
        }
        const bool every = tag == every_screen;
        if (new_found == new_screens.end() && !every) {
            changes.en.push_back(
                fmt::format("group {} is gone: its screens play what every screen plays", tag));
            changes.ja.push_back(
                fmt::format("グループ {} をなくし、その画面は全画面向けの表示に", tag));
            continue;
        }
        const std::string list =
            new_ids.empty() ? "-" : fmt::format("{}", fmt::join(new_ids, ", "));
        changes.en.push_back(every ? fmt::format("screens in no group now play: {}", list)
                                   : fmt::format("screens of group {} now play: {}", tag, list));
        changes.ja.push_back(every
                                 ? fmt::format("グループのない画面の表示を {} に変更", list)
                                 : fmt::format("グループ {} の画面の表示を {} に変更", tag, list));
    }
}

}  // namespace

std::string title_of(const nlohmann::json& item) {
    const nlohmann::json title = item.value("title", nlohmann::json());
    std::string text;
    if (title.is_string()) {
        text = title.get<std::string>();
    } else if (title.is_object() && !title.empty()) {
        text = title.contains("ja") && title["ja"].is_string() ? title["ja"].get<std::string>()
               : title.begin()->is_string()                    ? title.begin()->get<std::string>()
                                                               : std::string();
    }
    return text::encode_utf8(text::parse_ruby(text::decode_utf8(text)).base);
}

nlohmann::json content_to_publish(const std::vector<PlaylistRecord>& playlists,
                                  const std::vector<ItemRecord>& items,
                                  const std::vector<ScreenGroup>& groups) {
    nlohmann::json content = {{"playlists", nlohmann::json::array()}};
    std::map<std::string, std::vector<std::string>> by_group;  // Published playlists per tag.
    for (const PlaylistRecord& playlist : playlists) {
        nlohmann::json entry =
            playlist.extra.is_object() ? playlist.extra : nlohmann::json::object();
        entry["id"] = playlist.id;
        entry["title"] = playlist.title;
        entry["items"] = nlohmann::json::array();
        for (const ItemRecord& item : items) {
            if (item.playlist != playlist.id || !item.enabled) {
                continue;
            }
            if (item.state == ItemState::approved) {
                entry["items"].push_back(item.draft);
            } else if (item.live) {
                entry["items"].push_back(*item.live);
            }
        }
        // A playlist with nothing to play stays out: a feed's playlists must have items.
        if (entry["items"].empty()) {
            continue;
        }
        content["playlists"].push_back(std::move(entry));
        for (const std::string& tag : playlist.screens) {
            by_group[tag].push_back(playlist.id);
        }
    }
    nlohmann::json screens = nlohmann::json::array();
    const std::vector<std::string>& everywhere = by_group[std::string(every_screen)];
    for (const ScreenGroup& group : groups) {
        std::vector<std::string> ids;
        for (const auto& playlist : content["playlists"]) {
            const std::string id = playlist["id"].get<std::string>();
            const auto& own = by_group[group.tag];
            if (std::ranges::find(own, id) != own.end() ||
                std::ranges::find(everywhere, id) != everywhere.end()) {
                ids.push_back(id);
            }
        }
        if (!ids.empty()) {
            screens.push_back({{"tag", group.tag}, {"playlists", ids}});
        }
    }
    screens.push_back({{"tag", every_screen}, {"playlists", everywhere}});
    content["screens"] = std::move(screens);
    return content;
}

std::vector<std::string> playlists_for_group(const nlohmann::json& content, std::string_view tag) {
    const nlohmann::json screens = content.value("screens", nlohmann::json::array());
    for (const std::string_view wanted : {tag, every_screen}) {
        for (const auto& assignment : screens) {
            if (assignment.value("tag", "") == wanted) {
                return assignment.value("playlists", std::vector<std::string>());
            }
        }
    }
    std::vector<std::string> all;
    for (const auto& playlist : content.value("playlists", nlohmann::json::array())) {
        all.push_back(playlist.value("id", ""));
    }
    return all;
}

void drop_missing_playlists(nlohmann::json& content) {
    if (!content.contains("screens")) {
        return;
    }
    std::set<std::string> present;
    for (const auto& playlist : content["playlists"]) {
        present.insert(playlist.value("id", ""));
    }
    for (auto& assignment : content["screens"]) {
        auto& ids = assignment["playlists"];
        ids.erase(std::remove_if(ids.begin(), ids.end(),
                                 [&](const nlohmann::json& id) {
                                     return !present.contains(id.get<std::string>());
                                 }),
                  ids.end());
    }
}

ChangesInWords describe_changes(const nlohmann::json& before, const nlohmann::json& after) {
    ChangesInWords changes;
    const auto old_items = items_by_id(before);
    const auto new_items = items_by_id(after);
    for (const auto& [id, entry] : new_items) {
        const auto& [playlist, item] = entry;
        const auto found = old_items.find(id);
        if (found == old_items.end()) {
            changes.en.push_back(fmt::format("adds {} to {}", label(id, item), playlist));
            changes.ja.push_back(fmt::format("{} を {} に追加", label(id, item), playlist));
            continue;
        }
        if (found->second.second == item && found->second.first == playlist) {
            continue;
        }
        std::vector<std::string> en;
        std::vector<std::string> ja;
        for (const auto& [member, value] : item.items()) {
            const auto& old_item = found->second.second;
            if ((!old_item.contains(member) || old_item[member] != value) &&
                in_words(member, false)) {
                en.emplace_back(in_words(member, false));
                ja.emplace_back(in_words(member, true));
            }
        }
        for (const auto& [member, value] : found->second.second.items()) {
            if (!item.contains(member) && in_words(member, false)) {
                en.emplace_back(in_words(member, false));
                ja.emplace_back(in_words(member, true));
            }
        }
        if (en.empty()) {
            en.emplace_back("details");
            ja.emplace_back("細部");
        }
        changes.en.push_back(
            fmt::format("changes the {} of {}", fmt::join(en, ", "), label(id, item)));
        changes.ja.push_back(fmt::format("{} の{}を変更", label(id, item), fmt::join(ja, "・")));
    }
    for (const auto& [id, entry] : old_items) {
        if (!new_items.contains(id)) {
            changes.en.push_back(fmt::format("takes {} off the screens", label(id, entry.second)));
            changes.ja.push_back(fmt::format("{} を画面から外す", label(id, entry.second)));
        }
    }
    describe_screen_changes(before, after, changes);
    return changes;
}

}  // namespace keiji::studio
