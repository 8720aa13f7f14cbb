#include "model/playlist_parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

#include "model/object_reader.hpp"
#include "model/schedule_reader.hpp"

namespace keiji::model {

namespace {

std::vector<Session> read_sessions(const JsonDocument& document, ObjectReader& reader,
                                   Errors& errors) {
    std::vector<Session> sessions;
    const auto* list = reader.array("sessions", Presence::required);
    if (list == nullptr) {
        return sessions;
    }
    if (list->empty()) {
        reader.fail("sessions", {"an event needs at least one session (start and end)",
                                 "イベントには開催日時(start と end)が少なくとも 1 つ必要です"});
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader session(document, append_pointer(reader.member_pointer("sessions"), i), errors,
                             {"start", "end"});
        const auto start = read_timestamp(session, "start");
        const auto end = read_timestamp(session, "end");
        if (start && end) {
            if (*end <= *start) {
                session.fail("end", {"the session ends before it starts",
                                     "終了日時が開始日時より前になっています"});
            } else {
                sessions.push_back(Session{*start, *end});
            }
        }
    }
    std::sort(sessions.begin(), sessions.end(),
              [](const Session& a, const Session& b) { return a.start < b.start; });
    return sessions;
}

// "image_focus": {"x": 0.3, "y": 0.6}, the point of the photo that stays in view when it is
// cropped, as fractions of its width and height.
FocalPoint read_focal_point(const JsonDocument& document, ObjectReader& reader, Errors& errors) {
    FocalPoint focus;
    if (!reader.has("image_focus")) {
        return focus;
    }
    ObjectReader point(document, reader.member_pointer("image_focus"), errors, {"x", "y"});
    if (point.is_object()) {
        focus.x = point.number("x", Presence::optional, 0.0, 1.0).value_or(0.5);
        focus.y = point.number("y", Presence::optional, 0.0, 1.0).value_or(0.5);
    }
    return focus;
}

// "theme": {"accent": "#005A9C", "type_scale": 1.1}: a playlist's colours and type scale.
std::shared_ptr<const ThemeSpec> read_theme(const JsonDocument& document, ObjectReader& playlist,
                                            Errors& errors) {
    if (!playlist.has("theme")) {
        return nullptr;
    }
    ObjectReader reader(document, playlist.member_pointer("theme"), errors,
                        {"header", "accent", "alert", "paper", "ink", "type_scale"});
    if (!reader.is_object()) {
        return nullptr;
    }
    auto theme = std::make_shared<ThemeSpec>();
    const auto colour = [&](std::string_view name) -> std::optional<Rgb> {
        const auto text = reader.string(name, Presence::optional);
        if (!text) {
            return std::nullopt;
        }
        const bool well_formed =
            text->size() == 7 && (*text)[0] == '#' &&
            text->find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
        if (!well_formed) {
            reader.fail(name, {fmt::format("\"{}\" is not a colour; write it as #RRGGBB, e.g. "
                                           "#005A9C",
                                           *text),
                               fmt::format("「{}」は色として読めません。#005A9C のように "
                                           "#RRGGBB で書いてください",
                                           *text)});
            return std::nullopt;
        }
        const auto channel = [&](std::size_t at) {
            return std::uint8_t(std::stoi(text->substr(at, 2), nullptr, 16));
        };
        return Rgb{channel(1), channel(3), channel(5)};
    };
    theme->header = colour("header");
    theme->accent = colour("accent");
    theme->alert = colour("alert");
    theme->paper = colour("paper");
    theme->ink = colour("ink");
    theme->type_scale = reader.number("type_scale", Presence::optional, 0.8, 1.25).value_or(1.0);
    return theme;
}

// "languages": ["ja", "ko"]: the languages an item (or a playlist's items) is shown in, in
// order, instead of the screen's. Each must be a language tag keiji knows.
std::vector<std::string> read_languages(ObjectReader& reader) {
    std::vector<std::string> languages;
    const nlohmann::json* list = reader.array("languages", Presence::optional);
    if (list == nullptr) {
        return languages;
    }
    if (list->empty()) {
        reader.fail("languages", {"list at least one language, or leave \"languages\" out",
                                  "言語を 1 つ以上書くか、「languages」を省いてください"});
    }
    const std::string pointer = reader.member_pointer("languages");
    for (std::size_t i = 0; i < list->size(); ++i) {
        const nlohmann::json& tag = (*list)[i];
        if (!tag.is_string() || !is_known_language_tag(tag.get<std::string>())) {
            const std::string shown = tag.is_string() ? tag.get<std::string>() : tag.dump();
            reader.fail_at(append_pointer(pointer, i),
                           {fmt::format("\"{}\" is not a language tag keiji knows; write \"ja\", "
                                        "\"ja-x-easy\", \"en\", \"zh-Hans\", \"ko\"...",
                                        shown),
                            fmt::format("「{}」は言語として使えません。\"ja\"、\"ja-x-easy\"、"
                                        "\"en\"、\"zh-Hans\"、\"ko\" などと書いてください",
                                        shown)});
            continue;
        }
        languages.push_back(tag.get<std::string>());
    }
    return languages;
}

// {"type": "video", "video": "films/azabu-juban.mp4", "play": "loop", ...}
VideoContent read_video(const JsonDocument& document, const std::string& pointer,
                        const std::vector<std::string_view>& names, Errors& errors) {
    ObjectReader reader(document, pointer, errors, names);
    VideoContent video;
    video.title = reader.text("title", Presence::required).value_or(LocalizedText{});
    video.caption = reader.text("caption", Presence::optional).value_or(LocalizedText{});
    video.video = reader.string("video", Presence::required).value_or("");
    if (reader.has("video") && video.video.empty()) {
        reader.fail("video", {"name the film's file, e.g. \"films/azabu-juban.mp4\"",
                              "動画ファイルを \"films/azabu-juban.mp4\" のように書いてください"});
    }
    video.poster = reader.string("poster", Presence::optional).value_or("");
    if (const auto play = reader.string("play", Presence::optional)) {
        if (*play == "once") {
            video.play = VideoPlay::once;
        } else if (*play == "to_end") {
            video.play = VideoPlay::to_end;
        } else if (*play != "loop") {
            reader.fail("play",
                        {fmt::format("\"play\" is \"{}\"; write \"loop\" (again and "
                                     "again for the duration), \"once\" or \"to_end\" "
                                     "(the film's own length)",
                                     *play),
                         fmt::format("「play」が「{}」になっています。\"loop\"(表示時間の間く"
                                     "り返す)、\"once\"(1 回)、\"to_end\"(動画の長さだけ"
                                     "流す)のいずれかにしてください",
                                     *play)});
        }
    }
    video.band = reader.boolean("band", Presence::optional).value_or(true);
    if (const auto volume = reader.integer("volume", Presence::optional, 0, 100)) {
        video.volume = int(*volume);
    }
    return video;
}

std::optional<ItemContent> read_content(const JsonDocument& document, const std::string& pointer,
                                        std::string_view type, Errors& errors) {
    // Members every item type shares; each type adds its own.
    const auto with_common = [](std::initializer_list<std::string_view> own) {
        std::vector<std::string_view> names{"type",   "id",       "duration", "priority",
                                            "weight", "schedule", "languages"};
        names.insert(names.end(), own);
        return names;
    };
    if (type == "promo") {
        ObjectReader reader(document, pointer, errors,
                            with_common({"prefecture", "municipality", "title", "body", "image",
                                         "image_focus", "url"}));
        PromoContent promo;
        promo.prefecture = reader.text("prefecture", Presence::required).value_or(LocalizedText{});
        promo.municipality =
            reader.text("municipality", Presence::required).value_or(LocalizedText{});
        promo.title = reader.text("title", Presence::required).value_or(LocalizedText{});
        promo.body = reader.text("body", Presence::optional).value_or(LocalizedText{});
        promo.image = reader.string("image", Presence::optional).value_or("");
        promo.image_focus = read_focal_point(document, reader, errors);
        promo.url = reader.string("url", Presence::optional).value_or("");
        return promo;
    }
    if (type == "event") {
        ObjectReader reader(document, pointer, errors,
                            with_common({"title", "venue", "body", "sessions", "announce_days",
                                         "image", "image_focus"}));
        EventContent event;
        event.title = reader.text("title", Presence::required).value_or(LocalizedText{});
        event.venue = reader.text("venue", Presence::required).value_or(LocalizedText{});
        event.body = reader.text("body", Presence::optional).value_or(LocalizedText{});
        event.sessions = read_sessions(document, reader, errors);
        event.announce_days =
            int(reader.integer("announce_days", Presence::optional, 0, 366).value_or(30));
        event.image = reader.string("image", Presence::optional).value_or("");
        event.image_focus = read_focal_point(document, reader, errors);
        return event;
    }
    if (type == "notice") {
        ObjectReader reader(document, pointer, errors,
                            with_common({"title", "body", "importance"}));
        NoticeContent notice;
        notice.title = reader.text("title", Presence::required).value_or(LocalizedText{});
        notice.body = reader.text("body", Presence::optional).value_or(LocalizedText{});
        if (const auto importance = reader.string("importance", Presence::optional)) {
            if (*importance == "important") {
                notice.importance = Importance::important;
            } else if (*importance != "normal") {
                reader.fail("importance", {"\"importance\" must be \"normal\" or \"important\"",
                                           "「importance」は \"normal\" か \"important\" "
                                           "にしてください"});
            }
        }
        return notice;
    }
    if (type == "video") {
        return read_video(
            document, pointer,
            with_common({"title", "caption", "video", "poster", "play", "band", "volume"}), errors);
    }
    return std::nullopt;
}

std::optional<Item> read_item(const JsonDocument& document, const std::string& pointer,
                              Errors& errors) {
    const std::size_t errors_before = errors.size();
    // The type decides which other members are allowed, so it is read first without the member
    // name check; the typed reader in read_content() checks the names once.
    ObjectReader common(document, pointer, errors);
    if (!common.is_object()) {
        return std::nullopt;
    }
    const auto type = common.string("type", Presence::required);
    if (!type) {
        return std::nullopt;
    }
    auto content = read_content(document, pointer, *type, errors);
    if (!content) {
        common.fail("type", {fmt::format("unknown item type \"{}\"; use \"promo\", \"event\", "
                                         "\"notice\" or \"video\"",
                                         *type),
                             fmt::format("「{}」という種類はありません。\"promo\"(連携自治体PR)、"
                                         "\"event\"(イベント)、\"notice\"(お知らせ)、"
                                         "\"video\"(動画)のいずれかにしてください",
                                         *type)});
        return std::nullopt;
    }

    Item item;
    item.where = document.location_of(pointer);
    item.id = common.string("id", Presence::required).value_or("");
    if (common.has("id") && item.id.empty()) {
        common.fail("id", {"the id must not be empty", "ID を空にすることはできません"});
    }
    // Items are on screen between 3 s (anything shorter cannot be read) and an hour.
    item.duration =
        std::chrono::seconds(common.integer("duration", Presence::optional, 3, 3600).value_or(10));
    item.priority = int(common.integer("priority", Presence::optional, -100, 100).value_or(0));
    item.weight = common.number("weight", Presence::optional, 0.01, 100).value_or(1.0);
    if (common.has("schedule")) {
        item.schedule = read_schedule(document, common.member_pointer("schedule"), errors);
    }
    item.languages = read_languages(common);
    if (errors.size() != errors_before) {
        return std::nullopt;
    }
    item.content = std::move(*content);
    return item;
}

}  // namespace

std::string_view type_name(const ItemContent& content) {
    switch (content.index()) {
        case 0:
            return "promo";
        case 1:
            return "event";
        case 2:
            return "notice";
        default:
            return "video";
    }
}

std::expected<Playlist, Errors> parse_playlist(const JsonDocument& document) {
    Errors errors;
    Playlist playlist;
    playlist.source_file = document.file_name();
    ObjectReader reader(document, "", errors,
                        {"$schema", "id", "title", "opening_hours", "outside_hours", "theme",
                         "languages", "items"});
    if (!reader.is_object()) {
        return std::unexpected(std::move(errors));
    }
    playlist.id = reader.string("id", Presence::optional).value_or("");
    playlist.title = reader.text("title", Presence::optional).value_or(LocalizedText{});
    playlist.opening_hours = read_opening_hours(document, reader, errors);
    const std::shared_ptr<const ThemeSpec> theme = read_theme(document, reader, errors);
    const std::vector<std::string> languages = read_languages(reader);
    const auto* items = reader.array("items", Presence::required);
    if (items != nullptr && items->empty()) {
        reader.fail("items",
                    {"the playlist has no items", "プレイリストに項目が 1 つもありません"});
    }
    std::set<std::string> seen_ids;
    for (std::size_t i = 0; items != nullptr && i < items->size(); ++i) {
        const std::string pointer = append_pointer("/items", i);
        auto item = read_item(document, pointer, errors);
        // Duplicates are checked on the raw id, so an item with other mistakes still counts.
        const nlohmann::json& raw = (*items)[i];
        if (raw.is_object() && raw.contains("id") && raw["id"].is_string()) {
            const std::string id = raw["id"].get<std::string>();
            if (!seen_ids.insert(id).second) {
                errors.push_back(Error{
                    .where = document.location_of(append_pointer(pointer, "id")),
                    .message = {
                        fmt::format("the id \"{}\" is used by another item; ids must be "
                                    "unique",
                                    id),
                        fmt::format("ID「{}」は他の項目でも使われています。ID は重複できません",
                                    id)}});
                continue;
            }
        }
        if (item) {
            item->theme = theme;
            if (item->languages.empty()) {
                item->languages = languages;  // The playlist's, unless the item has its own.
            }
            playlist.items.push_back(std::move(*item));
        }
    }
    if (!errors.empty()) {
        return std::unexpected(std::move(errors));
    }
    return playlist;
}

std::expected<Playlist, Errors> parse_playlist_text(std::string text,
                                                    const std::string& file_name) {
    auto document = JsonDocument::parse(std::move(text), file_name);
    if (!document) {
        return std::unexpected(std::move(document.error()));
    }
    return parse_playlist(*document);
}

}  // namespace keiji::model
