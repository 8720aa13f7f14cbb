#pragma once

#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "alert/key_files.hpp"
#include "model/error.hpp"

namespace keiji::sync {

// feed.json for a folder of playlists and the images they use, ready to serve: what `keiji feed
// build` writes and what the studio publishes.
struct BuiltFeed {
    std::string text;                      // feed.json, exactly the bytes that were signed.
    std::optional<std::string> signature;  // Base64 of the detached signature, with a key.
    std::string key_id;                    // The key that signed it, or empty.
    std::size_t playlists = 0;
    std::size_t assets = 0;
};

// Checks every playlist (*.json) of `folder` and lists it and every image it uses with size and
// SHA-256; with `key`, signs the result. Errors: a playlist with mistakes (each one, with its
// line and column), an image that is not a non-empty file inside the folder, or no playlist.
[[nodiscard]] std::expected<BuiltFeed, model::Errors> build_feed(
    const std::filesystem::path& folder, const alert::SecretKey* key = nullptr);

// A playlist the feed lists: its id and its file, relative to the feed's folder.
struct FeedPlaylistFile {
    std::string id;
    std::string path;  // "partners.json", "playlists/partners-3f2a9c1b.json"
};

// Which playlists the screens carrying `tag` play ("*": every screen); the first that matches a
// screen wins.
struct FeedScreens {
    std::string tag;
    std::vector<std::string> playlists;
};

// The same from lists (the studio names its files by content): each playlist and asset file is
// described (size, SHA-256) from `folder`; `screens` as given, or when empty every screen ("*")
// plays every playlist. Errors: a file that is missing or empty.
[[nodiscard]] std::expected<BuiltFeed, model::Errors> build_feed_from(
    const std::filesystem::path& folder, const std::vector<FeedPlaylistFile>& playlists,
    const std::vector<std::string>& assets, const alert::SecretKey* key = nullptr,
    const std::vector<FeedScreens>& screens = {});

// Writes the signature (if any), then feed.json, each atomically: a screen never fetches a
// feed.json whose signature is not there yet.
[[nodiscard]] model::Result<void> write_feed(const std::filesystem::path& folder,
                                             const BuiltFeed& feed);

}  // namespace keiji::sync
