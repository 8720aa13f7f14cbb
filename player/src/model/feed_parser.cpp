#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "model/feed.hpp"
#include "model/json_document.hpp"
#include "model/object_reader.hpp"

namespace keiji::model {

namespace {

bool is_sha256(std::string_view text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

bool has_whitespace(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](unsigned char c) { return c <= ' ' || c == 0x7f; });
}

// Reads url, bytes and sha256 of a playlist or asset entry.
std::optional<FeedFile> read_file(ObjectReader& reader) {
    auto url = reader.string("url", Presence::required);
    // A feed asset larger than 4 GiB is a mistake, not a poster.
    auto bytes = reader.integer("bytes", Presence::required, 1, 4LL << 30);
    auto sha256 = reader.string("sha256", Presence::required);
    if (url && (url->empty() || has_whitespace(*url))) {
        reader.fail("url", {"\"url\" must be an address without spaces",
                            "「url」は空白を含まないアドレスにしてください"});
        url.reset();
    }
    if (sha256 && !is_sha256(*sha256)) {
        reader.fail("sha256",
                    {"\"sha256\" must be 64 lowercase hexadecimal digits (sha256sum prints them)",
                     "「sha256」は小文字の16進数64桁にしてください(sha256sum の出力)"});
        sha256.reset();
    }
    if (!url || !bytes || !sha256) {
        return std::nullopt;
    }
    return FeedFile{.url = *url, .bytes = *bytes, .sha256 = *sha256};
}

std::vector<FeedPlaylist> read_playlists(const JsonDocument& document, ObjectReader& top,
                                         Errors& errors) {
    std::vector<FeedPlaylist> playlists;
    const nlohmann::json* list = top.array("playlists", Presence::required);
    if (list != nullptr && list->empty()) {
        top.fail("playlists", {"\"playlists\" must list at least one playlist",
                               "「playlists」には1つ以上のプレイリストを書いてください"});
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; list != nullptr && i < list->size(); ++i) {
        ObjectReader entry(document, append_pointer("/playlists", i), errors,
                           {"id", "url", "bytes", "sha256"});
        auto id = entry.string("id", Presence::required);
        auto file = read_file(entry);
        if (id && id->empty()) {
            entry.fail("id", {"\"id\" must not be empty", "「id」を空にしないでください"});
            id.reset();
        }
        if (id && !ids.insert(*id).second) {
            entry.fail("id", {fmt::format("the playlist id \"{}\" is listed twice", *id),
                              fmt::format("プレイリストID「{}」が2回あります", *id)});
            id.reset();
        }
        if (id && file) {
            playlists.push_back(FeedPlaylist{.id = *id, .file = *file});
        }
    }
    return playlists;
}

std::vector<FeedAsset> read_assets(const JsonDocument& document, ObjectReader& top,
                                   Errors& errors) {
    std::vector<FeedAsset> assets;
    const nlohmann::json* list = top.array("assets", Presence::optional);
    std::set<std::string> paths;
    for (std::size_t i = 0; list != nullptr && i < list->size(); ++i) {
        ObjectReader entry(document, append_pointer("/assets", i), errors,
                           {"path", "url", "bytes", "sha256"});
        auto path = entry.string("path", Presence::required);
        auto file = read_file(entry);
        if (path && !is_safe_relative_path(*path)) {
            entry.fail("path",
                       {fmt::format("\"{}\" is not a plain relative path such as "
                                    "\"images/gujo.png\" (no leading /, no \"..\")",
                                    *path),
                        fmt::format("「{}」は「images/gujo.png」のような相対パスにしてください"
                                    "(先頭の / や「..」は使えません)",
                                    *path)});
            path.reset();
        }
        if (path && !paths.insert(*path).second) {
            entry.fail("path", {fmt::format("the asset path \"{}\" is listed twice", *path),
                                fmt::format("素材のパス「{}」が2回あります", *path)});
            path.reset();
        }
        if (path && file) {
            assets.push_back(FeedAsset{.path = *path, .file = *file});
        }
    }
    return assets;
}

std::vector<ScreenAssignment> read_screens(const JsonDocument& document, ObjectReader& top,
                                           const std::set<std::string>& playlist_ids,
                                           Errors& errors) {
    std::vector<ScreenAssignment> screens;
    const nlohmann::json* list = top.array("screens", Presence::required);
    if (list != nullptr && list->empty()) {
        top.fail("screens", {"\"screens\" must have at least one assignment",
                             "「screens」には1つ以上の割り当てを書いてください"});
    }
    for (std::size_t i = 0; list != nullptr && i < list->size(); ++i) {
        const std::string pointer = append_pointer("/screens", i);
        ObjectReader entry(document, pointer, errors, {"screen", "tag", "playlists"});
        ScreenAssignment assignment;
        assignment.screen = entry.string("screen", Presence::optional).value_or("");
        assignment.tag = entry.string("tag", Presence::optional).value_or("");
        if (entry.is_object() && entry.has("screen") == entry.has("tag")) {
            entry.fail_at(pointer, {"give either \"screen\" or \"tag\" (exactly one of them)",
                                    "「screen」か「tag」のどちらか一方だけを書いてください"});
            continue;
        }
        const nlohmann::json* names = entry.array("playlists", Presence::required);
        for (std::size_t j = 0; names != nullptr && j < names->size(); ++j) {
            const std::string name_pointer = append_pointer(entry.member_pointer("playlists"), j);
            const nlohmann::json& name = (*names)[j];
            if (!name.is_string() || !playlist_ids.contains(name.get<std::string>())) {
                const std::string shown = name.is_string() ? name.get<std::string>() : name.dump();
                entry.fail_at(
                    name_pointer,
                    {fmt::format("\"{}\" is not one of this feed's playlists", shown),
                     fmt::format("「{}」はこのフィードのプレイリストにありません", shown)});
                continue;
            }
            assignment.playlists.push_back(name.get<std::string>());
        }
        screens.push_back(std::move(assignment));
    }
    return screens;
}

}  // namespace

bool is_safe_relative_path(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.size() > 1024) {
        return false;
    }
    if (std::any_of(path.begin(), path.end(),
                    [](unsigned char c) { return c < 0x20 || c == 0x7f || c == '\\'; })) {
        return false;
    }
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view segment = path.substr(start, end - start);
        if (segment.empty() || segment == "." || segment == "..") {
            return false;
        }
        start = end + 1;
    }
    return true;
}

std::expected<Feed, Errors> parse_feed_text(std::string text, const std::string& source) {
    auto document = JsonDocument::parse(std::move(text), source);
    if (!document) {
        return std::unexpected(std::move(document.error()));
    }
    Errors errors;
    ObjectReader top(*document, "", errors,
                     {"$schema", "generated", "playlists", "screens", "assets", "signature"});
    if (!top.is_object()) {
        return std::unexpected(std::move(errors));
    }
    Feed feed;
    feed.generated = top.string("generated", Presence::optional).value_or("");
    feed.playlists = read_playlists(*document, top, errors);
    std::set<std::string> ids;
    for (const FeedPlaylist& playlist : feed.playlists) {
        ids.insert(playlist.id);
    }
    feed.screens = read_screens(*document, top, ids, errors);
    feed.assets = read_assets(*document, top, errors);
    if (top.has("signature")) {
        ObjectReader signature(*document, "/signature", errors, {"key_id", "url"});
        auto key_id = signature.string("key_id", Presence::required);
        auto url = signature.string("url", Presence::required);
        if (key_id && url) {
            feed.signature = FeedSignature{.key_id = *key_id, .url = *url};
        }
    }
    if (!errors.empty()) {
        return std::unexpected(std::move(errors));
    }
    return feed;
}

std::vector<std::string> playlists_for_screen(const Feed& feed, std::string_view screen_id,
                                              const std::vector<std::string>& tags) {
    for (const ScreenAssignment& assignment : feed.screens) {
        const bool by_id = !assignment.screen.empty() && assignment.screen == screen_id;
        // "*" is every screen (feed.schema.json): the studio's last assignment, for screens
        // in no group.
        const bool by_tag = !assignment.tag.empty() &&
                            (assignment.tag == "*" ||
                             std::find(tags.begin(), tags.end(), assignment.tag) != tags.end());
        if (by_id || by_tag) {
            return assignment.playlists;
        }
    }
    std::vector<std::string> all;
    for (const FeedPlaylist& playlist : feed.playlists) {
        all.push_back(playlist.id);
    }
    return all;
}

}  // namespace keiji::model
