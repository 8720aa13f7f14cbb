#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "alert/signing.hpp"
#include "app/cache_command.hpp"
#include "app/content_loader.hpp"
#include "app/key_files.hpp"
#include "model/feed.hpp"
#include "storage/file_io.hpp"
#include "sync/sha256.hpp"

namespace keiji::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* feed_help = R"(Publishing content to every screen:
  1. Put the playlists (*.json) and their images in one folder, as in playlists/.
  2. keiji feed build that-folder [--key keys/minato-content.secret.json]
     checks every playlist, then writes that-folder/feed.json listing each playlist and image
     with its size and SHA-256 (and feed.json.sig when a key is given).
  3. Copy the folder to the web server. Screens fetch feed.json and only what changed.
Screens with feed.public_keys in keiji.json accept only a feed signed by one of those keys.)";

int fail(const std::string& message) {
    std::fputs(fmt::format("keiji feed: {}\n", message).c_str(), stderr);
    return 1;
}

std::optional<nlohmann::json> describe_file(const fs::path& file, const std::string& url) {
    const auto bytes = storage::read_file_if_exists(file);
    if (!bytes || !*bytes || (*bytes)->empty()) {
        return std::nullopt;
    }
    return nlohmann::json{
        {"url", url}, {"bytes", (*bytes)->size()}, {"sha256", sync::sha256_hex(**bytes)}};
}

}  // namespace

CLI::App* add_feed_command(CLI::App& app, FeedCommandOptions& options) {
    auto* command =
        app.add_subcommand("feed", "Publish content to screens: build a feed (see --help)");
    command->description(feed_help);
    command->require_subcommand(1);
    auto* build = command->add_subcommand(
        "build", "Write feed.json for a folder of playlists and images (and sign it)");
    build->add_option("FOLDER", options.directory, "The folder of playlists and images")
        ->required()
        ->check(CLI::ExistingDirectory);
    build->add_option("--key", options.key_file, "Sign with this secret key from alert keygen")
        ->check(CLI::ExistingFile);
    build->footer("Example: keiji feed build playlists/ --key keys/minato-content.secret.json");
    return command;
}

int run_feed(const FeedCommandOptions& options) {
    const fs::path folder(options.directory);
    nlohmann::json playlists = nlohmann::json::array();
    std::vector<std::string> ids;
    std::map<std::string, std::string> images;  // Path in the folder → the playlist using it.
    int problems = 0;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json" &&
            entry.path().filename() != "feed.json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        const auto playlist = load_playlist_file(file.string());
        if (!playlist) {
            for (const model::Error& error : playlist.error()) {
                std::fputs((error.to_string(options.language) + "\n").c_str(), stderr);
            }
            ++problems;
            continue;
        }
        for (const model::Item& item : playlist->items) {
            std::string image;
            if (const auto* promo = std::get_if<model::PromoContent>(&item.content)) {
                image = promo->image;
            } else if (const auto* event = std::get_if<model::EventContent>(&item.content)) {
                image = event->image;
            }
            if (!image.empty()) {
                images.emplace(image, file.filename().string());
            }
        }
        auto described = describe_file(file, file.filename().string());
        (*described)["id"] = playlist->id;
        playlists.push_back(*described);
        ids.push_back(playlist->id);
    }
    nlohmann::json assets = nlohmann::json::array();
    for (const auto& [image, playlist_file] : images) {
        const auto described = model::is_safe_relative_path(image)
                                   ? describe_file(folder / image, image)
                                   : std::nullopt;
        if (!described) {
            std::fputs(fmt::format("{}: the image \"{}\" is not a file inside {} (or is empty)\n",
                                   playlist_file, image, folder.string())
                           .c_str(),
                       stderr);
            ++problems;
            continue;
        }
        nlohmann::json asset = {{"path", image}};
        asset.update(*described);
        assets.push_back(asset);
    }
    if (problems > 0 || ids.empty()) {
        return fail(ids.empty() ? "no playlists (*.json) in " + folder.string()
                                : "fix the problems above; feed.json was not written");
    }
    nlohmann::json feed = {{"$schema", "../content-schema/feed.schema.json"},
                           {"playlists", playlists},
                           {"screens", {{{"tag", "all"}, {"playlists", ids}}}},
                           {"assets", assets}};
    std::optional<SecretKey> key;
    if (!options.key_file.empty()) {
        auto read = read_secret_key_file(options.key_file);
        if (!read) {
            return fail(read.error());
        }
        key = std::move(*read);
        feed["signature"] = {{"key_id", key->key_id}, {"url", "feed.json.sig"}};
    }
    const std::string text = feed.dump(2) + "\n";
    if (key) {
        const auto signature = alert::sign_detached(text, key->secret_key);
        if (!signature) {
            return fail(signature.error());
        }
        if (auto written = storage::write_file_atomically(folder / "feed.json.sig",
                                                          alert::to_base64(*signature) + "\n");
            !written) {
            return fail(written.error());
        }
    }
    if (auto written = storage::write_file_atomically(folder / "feed.json", text); !written) {
        return fail(written.error());
    }
    std::fputs(fmt::format("wrote {}: {} playlist(s), {} image(s){}\n",
                           (folder / "feed.json").string(), ids.size(), assets.size(),
                           key ? fmt::format(", signed with {}", key->key_id) : "")
                   .c_str(),
               stdout);
    return 0;
}

}  // namespace keiji::app
