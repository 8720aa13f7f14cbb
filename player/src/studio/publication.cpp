#include "studio/publication.hpp"

#include <fmt/format.h>

#include <map>

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
                                  const std::vector<ItemRecord>& items) {
    nlohmann::json content = {{"playlists", nlohmann::json::array()}};
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
        if (!entry["items"].empty()) {
            content["playlists"].push_back(std::move(entry));
        }
    }
    return content;
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
    return changes;
}

}  // namespace keiji::studio
