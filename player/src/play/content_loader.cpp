#include "play/content_loader.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <functional>
#include <set>

#include "play/file_screening.hpp"
#include "schedule/planner.hpp"
#include "storage/file_io.hpp"
#include "storage/playlist_file.hpp"

namespace keiji::play {

namespace fs = std::filesystem;

namespace {

model::Error file_error(const std::string& path, model::Message message) {
    return model::Error{.where = {.file = path}, .message = std::move(message)};
}

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
        for (std::string* used : model::files_of(item)) {
            *used = resolve(playlist, item, *used);
        }
        content.items.push_back(std::move(item));
    }
}

}  // namespace

LoadedContent load_content(const std::string& path) {
    LoadedContent content;
    content.origin = "the bundled playlists in " + path;
    const std::vector<fs::path> files = storage::playlist_files_in(path);
    if (files.empty()) {
        content.problems.push_back(
            file_error(path, {"no playlist files (*.json) in this folder",
                              "このフォルダにプレイリスト(*.json)がありません"}));
    }
    std::set<std::string> seen_ids;
    const AssetResolver relative_to_playlist = [](const model::Playlist& playlist,
                                                  const model::Item&, const std::string& image) {
        return storage::resolve_asset(playlist.base_directory, image);
    };
    for (const fs::path& file : files) {
        auto loaded = storage::load_playlist_file(file);
        if (!loaded) {
            content.problems.insert(content.problems.end(), loaded.error().begin(),
                                    loaded.error().end());
            continue;
        }
        add_playlist(content, std::move(loaded->playlist), file.string(), seen_ids,
                     relative_to_playlist);
    }
    skip_items_with_unusable_files(content);
    return content;
}

LoadedContent load_snapshot(const sync::Snapshot& snapshot) {
    LoadedContent content;
    content.origin =
        fmt::format("the cached feed {} from {}", snapshot.record.feed_sha256.substr(0, 12),
                    snapshot.record.feed_url);
    content.problems = snapshot.problems;
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
            .message = {fmt::format("the file \"{}\" is not among the feed's assets; the slide "
                                    "plays without it",
                                    image),
                        fmt::format(
                            "ファイル「{}」がフィードの素材にありません。それなしで表示します",
                            image)},
            .severity = model::Severity::warning});
        return std::string();
    };
    for (const sync::SnapshotPlaylist& file : snapshot.playlists) {
        auto text = storage::read_file(file.file);
        if (!text) {
            content.problems.push_back(std::move(text.error()));
            continue;
        }
        auto loaded = storage::parse_playlist_file(std::move(*text), file.url, ".");
        if (!loaded) {
            content.problems.insert(content.problems.end(), loaded.error().begin(),
                                    loaded.error().end());
            continue;
        }
        add_playlist(content, std::move(loaded->playlist), file.url, seen_ids, from_feed_assets);
    }
    skip_items_with_unusable_files(content);
    return content;
}

std::string first_photo(const LoadedContent& content, const date::time_zone& zone,
                        model::TimePoint now) {
    // The player's own planner, asked the same question it will ask at its first frame.
    schedule::Planner planner(
        content.items, content.opening_hours ? &content.opening_hours->hours : nullptr, zone);
    const schedule::Decision first = planner.next(now);
    if (first.kind != schedule::SlotKind::item || first.item >= content.items.size()) {
        return {};
    }
    const std::string* image = model::image_of(content.items[first.item]);
    return image != nullptr ? *image : std::string();
}

}  // namespace keiji::play
