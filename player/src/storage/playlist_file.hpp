#pragma once

#include <expected>
#include <filesystem>
#include <string>

#include "model/error.hpp"
#include "model/json_document.hpp"
#include "model/playlist.hpp"

namespace keiji::storage {

// A playlist together with the document it came from, so that later checks (assets, rendering)
// can point at the line and column of the field they complain about.
struct PlaylistFile {
    model::JsonDocument document;
    model::Playlist playlist;
};

// The one way a playlist file is read, for the screen, the checks, the schedule and the feed
// builder alike. Errors: the file cannot be read (missing, a folder, permissions), is not JSON,
// or is not a playlist (every problem the parser finds, not just the first). The playlist's base
// directory, against which relative image paths resolve, is the file's own folder.
[[nodiscard]] std::expected<PlaylistFile, model::Errors> load_playlist_file(
    const std::filesystem::path& path);

// The same for a playlist whose text is already in memory (a cached feed's object), named
// `source` in messages; relative paths then resolve against `base_directory`.
[[nodiscard]] std::expected<PlaylistFile, model::Errors> parse_playlist_file(
    std::string text, const std::string& source, const std::string& base_directory);

// An asset path as a playlist names it ("images/gujo.png"), made usable from the current
// directory: relative paths resolve against the playlist's base directory; empty and absolute
// paths stay as they are.
[[nodiscard]] std::string resolve_asset(const std::string& base_directory,
                                        const std::string& asset);

// The playlist files (*.json) of a folder in name order, or `path` itself when it is a file.
// feed.json, which describes the folder, is not a playlist.
[[nodiscard]] std::vector<std::filesystem::path> playlist_files_in(
    const std::filesystem::path& path);

}  // namespace keiji::storage
