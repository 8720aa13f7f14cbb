#include "app/content_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "app/image_screening.hpp"
#include "model/playlist_parser.hpp"
#include "storage/file_io.hpp"

namespace keiji::app {

namespace fs = std::filesystem;

namespace {

model::Error file_error(const std::string& path, model::Message message) {
    return model::Error{.where = {.file = path}, .message = std::move(message)};
}

std::string resolve_asset(const std::string& base_directory, const std::string& asset) {
    if (asset.empty() || fs::path(asset).is_absolute()) {
        return asset;
    }
    return (fs::path(base_directory) / asset).lexically_normal().string();
}

}  // namespace

std::expected<model::Playlist, model::Errors> load_playlist_file(const std::string& path) {
    std::error_code error;
    if (!fs::exists(path, error)) {
        return std::unexpected(model::Errors{
            file_error(path, {"the file does not exist", "ファイルが見つかりません"})});
    }
    if (fs::is_directory(path, error)) {
        return std::unexpected(model::Errors{
            file_error(path, {"this is a folder, not a playlist file",
                              "フォルダです。プレイリストのファイルを指定してください"})});
    }
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream text;
    text << stream.rdbuf();
    if (!stream) {
        return std::unexpected(
            model::Errors{file_error(path, {"the file cannot be read (permissions?)",
                                            "ファイルを読めません(権限を確認してください)"})});
    }
    return model::parse_playlist_text(text.str(), path);
}

namespace {

using AssetResolver = std::function<std::string(const model::Playlist&, const model::Item&,
                                                const std::string& image)>;

// Adds one parsed playlist's items to `content`: ids must be unique across playlists, and the
// first playlist with opening hours sets them.
void add_playlist(LoadedContent& content, model::Playlist playlist, const std::string& file,
                  std::set<std::string>& seen_ids, const AssetResolver& resolve) {
    content.playlist_files.push_back(file);
    if (playlist.opening_hours) {
        if (!content.opening_hours) {
            content.opening_hours = playlist.opening_hours;
        } else {
            content.problems.push_back(file_error(
                file, {"opening hours are already set by an earlier playlist; these are ignored",
                       "営業時間は先に読み込んだプレイリストで設定済みのため、この設定は使いませ"
                       "ん"}));
        }
    }
    for (model::Item& item : playlist.items) {
        if (!seen_ids.insert(item.id).second) {
            content.problems.push_back(model::Error{
                .where = item.where,
                .message = {fmt::format("the id \"{}\" is already used in another playlist; "
                                        "this item is skipped",
                                        item.id),
                            fmt::format("ID「{}」は別のプレイリストで使われています。この項目は"
                                        "表示しません",
                                        item.id)}});
            continue;
        }
        if (auto* promo = std::get_if<model::PromoContent>(&item.content)) {
            promo->image = resolve(playlist, item, promo->image);
        } else if (auto* event = std::get_if<model::EventContent>(&item.content)) {
            event->image = resolve(playlist, item, event->image);
        }
        content.items.push_back(std::move(item));
    }
}

}  // namespace

LoadedContent load_content(const std::string& path) {
    LoadedContent content;
    content.origin = "the bundled playlists in " + path;
    std::vector<std::string> files;
    std::error_code error;
    if (fs::is_directory(path, error)) {
        for (const auto& entry : fs::directory_iterator(path, error)) {
            if (entry.is_regular_file() && entry.path().extension() == ".json" &&
                entry.path().filename() != "feed.json") {
                files.push_back(entry.path().string());
            }
        }
        std::sort(files.begin(), files.end());
        if (files.empty()) {
            content.problems.push_back(
                file_error(path, {"no playlist files (*.json) in this folder",
                                  "このフォルダにプレイリスト(*.json)がありません"}));
        }
    } else {
        files.push_back(path);
    }

    std::set<std::string> seen_ids;
    const AssetResolver relative_to_playlist = [](const model::Playlist& playlist,
                                                  const model::Item&, const std::string& image) {
        return resolve_asset(playlist.base_directory, image);
    };
    for (const std::string& file : files) {
        auto playlist = load_playlist_file(file);
        if (!playlist) {
            content.problems.insert(content.problems.end(), playlist.error().begin(),
                                    playlist.error().end());
            continue;
        }
        add_playlist(content, std::move(*playlist), file, seen_ids, relative_to_playlist);
    }
    skip_items_with_unusable_images(content);
    return content;
}

LoadedContent load_snapshot(const sync::Snapshot& snapshot) {
    LoadedContent content;
    content.origin =
        fmt::format("the cached feed {} from {}", snapshot.record.feed_sha256.substr(0, 12),
                    snapshot.record.feed_url);
    std::set<std::string> seen_ids;
    const AssetResolver from_feed_assets = [&](const model::Playlist&, const model::Item& item,
                                               const std::string& image) -> std::string {
        if (image.empty()) {
            return image;
        }
        const auto found =
            snapshot.assets.find(fs::path(image).lexically_normal().generic_string());
        if (found != snapshot.assets.end()) {
            return found->second.string();
        }
        content.problems.push_back(model::Error{
            .where = item.where,
            .message = {fmt::format("the image \"{}\" is not among the feed's assets; the slide "
                                    "plays without it",
                                    image),
                        fmt::format("画像「{}」がフィードの素材にありません。画像なしで表示します",
                                    image)},
            .severity = model::Severity::warning});
        return std::string();
    };
    for (const sync::SnapshotPlaylist& file : snapshot.playlists) {
        const auto text = storage::read_file_if_exists(file.file);
        auto playlist = text && *text ? model::parse_playlist_text(**text, file.url)
                                      : load_playlist_file(file.file.string());
        if (!playlist) {
            content.problems.insert(content.problems.end(), playlist.error().begin(),
                                    playlist.error().end());
            continue;
        }
        add_playlist(content, std::move(*playlist), file.url, seen_ids, from_feed_assets);
    }
    skip_items_with_unusable_images(content);
    return content;
}

}  // namespace keiji::app
