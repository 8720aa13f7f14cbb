#include "studio/feed_folder.hpp"

#include <fmt/format.h>

#include <set>

#include "model/feed.hpp"
#include "storage/file_io.hpp"
#include "sync/feed_builder.hpp"
#include "sync/sha256.hpp"

namespace keiji::studio {

namespace fs = std::filesystem;

namespace {

// The files the feed.json of `folder` names, if there is one (its playlists and assets).
std::set<std::string> files_of_current_feed(const fs::path& folder) {
    std::set<std::string> files;
    const auto text = storage::read_file_if_exists(folder / "feed.json");
    if (!text || !*text) {
        return files;
    }
    const auto feed = nlohmann::json::parse(**text, nullptr, false);
    for (const char* list : {"playlists", "assets"}) {
        if (feed.is_object() && feed.contains(list) && feed[list].is_array()) {
            for (const auto& entry : feed[list]) {
                if (entry.is_object() && entry.contains("url") && entry["url"].is_string()) {
                    files.insert(entry["url"].get<std::string>());
                }
            }
        }
    }
    return files;
}

// Copies an upload into the feed folder unless it is there: a hard link where the file system
// allows (uploads are never changed in place), else a copy from file to file (a film may have
// hundreds of megabytes) that appears under its name only when complete.
model::Result<void> place_asset(const fs::path& from, const fs::path& to) {
    std::error_code error;
    if (fs::exists(to, error)) {
        return {};
    }
    fs::create_directories(to.parent_path(), error);
    fs::create_hard_link(from, to, error);
    if (!error) {
        return {};
    }
    const fs::path part = fs::path(to).concat(".part");
    fs::copy_file(from, part, fs::copy_options::overwrite_existing, error);
    if (!error) {
        fs::rename(part, to, error);
    }
    if (error) {
        fs::remove(part, error);
        return model::failure(fmt::format("cannot copy {} into the feed folder as {}: {}",
                                          from.string(), to.string(), error.message()));
    }
    return {};
}

void remove_unlisted(const fs::path& folder, const std::set<std::string>& keep) {
    for (const char* sub : {"playlists", "images", "films"}) {
        std::error_code error;
        for (const auto& entry : fs::directory_iterator(folder / sub, error)) {
            const std::string relative =
                fmt::format("{}/{}", sub, entry.path().filename().string());
            if (!keep.contains(relative)) {
                fs::remove(entry.path(), error);
            }
        }
    }
}

}  // namespace

model::Result<std::string> write_feed_folder(const nlohmann::json& content,
                                             const FeedFolder& target) {
    // Whoever serves the feed (nginx) reads it: folders 0755 whatever the studio's umask.
    for (const fs::path& folder : {target.folder, target.folder / "playlists",
                                   target.folder / "images", target.folder / "films"}) {
        std::error_code error;
        fs::create_directories(folder, error);
        fs::permissions(folder, fs::perms(0755), error);
    }
    std::set<std::string> keep = files_of_current_feed(target.folder);
    std::vector<sync::FeedPlaylistFile> playlists;
    // The pictures and films the items show (uploads: "images/…", "films/…").
    std::set<std::string> assets;
    for (const auto& playlist : content.at("playlists")) {
        const std::string id = playlist.at("id").get<std::string>();
        const std::string text = playlist.dump(2) + "\n";
        const std::string path =
            fmt::format("playlists/{}-{}.json", id, sync::sha256_hex(text).substr(0, 12));
        KEIJI_TRY(storage::write_file_atomically(target.folder / path, text));
        playlists.push_back({id, path});
        keep.insert(path);
        for (const auto& item : playlist.at("items")) {
            for (const char* member : {"image", "video", "poster"}) {
                if (item.contains(member) && item[member].is_string() &&
                    !item[member].get<std::string>().empty()) {
                    assets.insert(item[member].get<std::string>());
                }
            }
        }
    }
    for (const std::string& asset : assets) {
        if (!model::is_safe_relative_path(asset)) {
            return model::failure(fmt::format("the file path \"{}\" is not allowed", asset));
        }
        KEIJI_TRY(place_asset(target.uploads / asset, target.folder / asset));
        keep.insert(asset);
    }
    std::vector<sync::FeedScreens> screens;
    for (const auto& assignment : content.value("screens", nlohmann::json::array())) {
        screens.push_back({assignment.value("tag", "*"),
                           assignment.value("playlists", std::vector<std::string>())});
    }
    auto built = sync::build_feed_from(target.folder, playlists,
                                       std::vector<std::string>(assets.begin(), assets.end()),
                                       target.key, screens);
    if (!built) {
        return model::failure(built.error().front());
    }
    KEIJI_TRY(sync::write_feed(target.folder, *built));
    remove_unlisted(target.folder, keep);
    return sync::sha256_hex(built->text);
}

}  // namespace keiji::studio
