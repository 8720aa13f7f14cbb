#include "lint/playlist_file.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/playlist_parser.hpp"

namespace keiji::lint {

std::expected<PlaylistFile, model::Errors> read_playlist_file(const std::string& path) {
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream text;
    text << stream.rdbuf();
    if (!stream || std::filesystem::is_directory(path)) {
        return std::unexpected(model::Errors{
            model::Error{.where = {.file = path},
                         .message = {"the file cannot be read (does it exist? permissions?)",
                                     "ファイルを読めません(存在するか、権限を確認してください)"}}});
    }
    auto document = model::JsonDocument::parse(text.str(), path);
    if (!document) {
        return std::unexpected(std::move(document.error()));
    }
    auto playlist = model::parse_playlist(*document);
    if (!playlist) {
        return std::unexpected(std::move(playlist.error()));
    }
    playlist->base_directory = std::filesystem::path(path).parent_path().string();
    if (playlist->base_directory.empty()) {
        playlist->base_directory = ".";
    }
    return PlaylistFile{std::move(*document), std::move(*playlist)};
}

std::string text_pointer(const model::JsonDocument& document, std::size_t index,
                         std::string_view field, std::string_view language) {
    const std::string pointer =
        model::append_pointer(model::append_pointer("/items", index), field);
    const nlohmann::json::json_pointer json_pointer(pointer);
    if (!document.root().contains(json_pointer)) {
        return pointer;
    }
    const nlohmann::json& value = document.root().at(json_pointer);
    if (!value.is_object() || value.empty()) {
        return pointer;
    }
    // The same choice LocalizedText::pick() makes: the language, else Japanese, else the first.
    for (const std::string_view key : {language, std::string_view("ja")}) {
        if (value.contains(key)) {
            return model::append_pointer(pointer, key);
        }
    }
    return model::append_pointer(pointer, value.begin().key());
}

}  // namespace keiji::lint
