#include "storage/playlist_file.hpp"

#include <algorithm>

#include "model/playlist_parser.hpp"
#include "storage/file_io.hpp"

namespace keiji::storage {

namespace fs = std::filesystem;

std::expected<PlaylistFile, model::Errors> parse_playlist_file(std::string text,
                                                               const std::string& source,
                                                               const std::string& base_directory) {
    auto document = model::JsonDocument::parse(std::move(text), source);
    if (!document) {
        return std::unexpected(std::move(document.error()));
    }
    auto playlist = model::parse_playlist(*document);
    if (!playlist) {
        return std::unexpected(std::move(playlist.error()));
    }
    playlist->base_directory = base_directory;
    return PlaylistFile{std::move(*document), std::move(*playlist)};
}

std::expected<PlaylistFile, model::Errors> load_playlist_file(const fs::path& path) {
    auto text = read_file(path);
    if (!text) {
        return std::unexpected(model::Errors{std::move(text.error())});
    }
    const fs::path folder = path.parent_path();
    return parse_playlist_file(std::move(*text), path.string(),
                               folder.empty() ? std::string(".") : folder.string());
}

std::string resolve_asset(const std::string& base_directory, const std::string& asset) {
    if (asset.empty() || fs::path(asset).is_absolute()) {
        return asset;
    }
    return (fs::path(base_directory) / asset).lexically_normal().string();
}

std::vector<fs::path> playlist_files_in(const fs::path& path) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
        return {path};
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(path, error)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json" &&
            entry.path().filename() != "feed.json") {
            files.push_back(entry.path());
        }
    }
    std::ranges::sort(files);
    return files;
}

}  // namespace keiji::storage
