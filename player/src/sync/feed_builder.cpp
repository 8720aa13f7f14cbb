#include "sync/feed_builder.hpp"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "alert/signing.hpp"
#include "model/feed.hpp"
#include "storage/file_io.hpp"
#include "storage/playlist_file.hpp"
#include "sync/sha256.hpp"

namespace keiji::sync {

namespace fs = std::filesystem;

namespace {

// Read in pieces: a film may have hundreds of megabytes.
std::optional<nlohmann::json> describe_file(const fs::path& file, const std::string& url) {
    Sha256 hash;
    std::size_t bytes = 0;
    const auto read = storage::read_in_pieces(file, [&](std::string_view piece) {
        hash.add(piece);
        bytes += piece.size();
    });
    if (!read || bytes == 0) {
        return std::nullopt;
    }
    return nlohmann::json{{"url", url}, {"bytes", bytes}, {"sha256", hash.hex_digest()}};
}

}  // namespace

std::expected<BuiltFeed, model::Errors> build_feed_from(
    const fs::path& folder, const std::vector<FeedPlaylistFile>& playlist_files,
    const std::vector<std::string>& asset_paths, const alert::SecretKey* key,
    const std::vector<FeedScreens>& screens) {
    model::Errors problems;
    nlohmann::json playlists = nlohmann::json::array();
    nlohmann::json ids = nlohmann::json::array();
    for (const FeedPlaylistFile& file : playlist_files) {
        auto described = describe_file(folder / file.path, file.path);
        if (!described) {
            problems.push_back(model::Error{.where = {.file = (folder / file.path).string()},
                                            .message = {"the playlist file is missing or empty",
                                                        "プレイリストのファイルがないか、空です"}});
            continue;
        }
        (*described)["id"] = file.id;
        playlists.push_back(*described);
        ids.push_back(file.id);
    }
    nlohmann::json assets = nlohmann::json::array();
    for (const std::string& path : asset_paths) {
        const auto described =
            model::is_safe_relative_path(path) ? describe_file(folder / path, path) : std::nullopt;
        if (!described) {
            problems.push_back(model::Error{
                .where = {.file = folder.string()},
                .message = {fmt::format("the image \"{}\" is not a file inside {} (or is empty)",
                                        path, folder.string()),
                            fmt::format("画像「{}」が {} の中にない(または空の)ファイルです", path,
                                        folder.string())}});
            continue;
        }
        nlohmann::json asset = {{"path", path}};
        asset.update(*described);
        assets.push_back(asset);
    }
    if (ids.empty() && problems.empty()) {
        problems.push_back(
            model::Error{.where = {.file = folder.string()},
                         .message = {"no playlists (*.json) in this folder",
                                     "このフォルダにプレイリスト(*.json)がありません"}});
    }
    if (!problems.empty()) {
        return std::unexpected(std::move(problems));
    }
    nlohmann::json feed = {{"$schema", "../content-schema/feed.schema.json"},
                           {"playlists", playlists},
                           {"screens", {{{"tag", "*"}, {"playlists", ids}}}},
                           {"assets", assets}};
    if (!screens.empty()) {
        feed["screens"] = nlohmann::json::array();
        for (const FeedScreens& assignment : screens) {
            feed["screens"].push_back(
                {{"tag", assignment.tag}, {"playlists", assignment.playlists}});
        }
    }
    BuiltFeed built{.playlists = playlists.size(), .assets = assets.size()};
    if (key != nullptr) {
        feed["signature"] = {{"key_id", key->key_id}, {"url", "feed.json.sig"}};
        built.key_id = key->key_id;
    }
    built.text = feed.dump(2) + "\n";
    if (key != nullptr) {
        auto signature = alert::sign_detached(built.text, key->secret_key);
        if (!signature) {
            return std::unexpected(model::Errors{std::move(signature.error())});
        }
        built.signature = alert::to_base64(*signature);
    }
    return built;
}

std::expected<BuiltFeed, model::Errors> build_feed(const fs::path& folder,
                                                   const alert::SecretKey* key) {
    model::Errors problems;
    std::vector<FeedPlaylistFile> playlists;
    // Photos, posters and films: path in the folder → the playlist using it.
    std::map<std::string, std::string> images;
    for (const fs::path& file : storage::playlist_files_in(folder)) {
        const auto playlist = storage::load_playlist_file(file);
        if (!playlist) {
            problems.insert(problems.end(), playlist.error().begin(), playlist.error().end());
            continue;
        }
        for (const model::Item& item : playlist->playlist.items) {
            for (const std::string* used : model::files_of(item)) {
                images.emplace(*used, file.string());
            }
        }
        playlists.push_back({playlist->playlist.id, file.filename().string()});
    }
    std::vector<std::string> assets;
    for (const auto& [image, playlist_file] : images) {
        if (!model::is_safe_relative_path(image) || !describe_file(folder / image, image)) {
            problems.push_back(model::Error{
                .where = {.file = playlist_file},
                .message = {fmt::format("the file \"{}\" is not a file inside {} (or is empty)",
                                        image, folder.string()),
                            fmt::format("ファイル「{}」が {} の中にない(または空の)ファイルです",
                                        image, folder.string())}});
            continue;
        }
        assets.push_back(image);
    }
    if (!problems.empty()) {
        return std::unexpected(std::move(problems));
    }
    return build_feed_from(folder, playlists, assets, key);
}

model::Result<void> write_feed(const fs::path& folder, const BuiltFeed& feed) {
    if (feed.signature) {
        KEIJI_TRY(storage::write_file_atomically(folder / "feed.json.sig", *feed.signature + "\n"));
    }
    return storage::write_file_atomically(folder / "feed.json", feed.text);
}

}  // namespace keiji::sync
