#pragma once

#include <expected>
#include <string>

#include "model/error.hpp"
#include "model/json_document.hpp"
#include "model/playlist.hpp"

namespace keiji::lint {

// A playlist together with the document it came from, so that later checks (assets, rendering)
// can point at the line and column of the field they complain about.
struct PlaylistFile {
    model::JsonDocument document;
    model::Playlist playlist;
};

// Reads and parses `path`. Errors: the file cannot be read, is not JSON, or is not a playlist
// (every problem the parser finds, not just the first).
[[nodiscard]] std::expected<PlaylistFile, model::Errors> read_playlist_file(
    const std::string& path);

// The pointer of the text a `field` of item `index` shows in `language`: ".../title/en" when
// the field is a map of languages, ".../title" when it is a plain string.
[[nodiscard]] std::string text_pointer(const model::JsonDocument& document, std::size_t index,
                                       std::string_view field, std::string_view language);

}  // namespace keiji::lint
