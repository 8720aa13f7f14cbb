#pragma once

#include <expected>
#include <string>

#include "model/error.hpp"
#include "model/json_document.hpp"
#include "model/playlist.hpp"

namespace keiji::model {

// Turns a parsed playlist document into typed content. Returns every problem found (not just the
// first), each with file, line, column and JSON pointer. Never throws for bad content.
[[nodiscard]] std::expected<Playlist, Errors> parse_playlist(const JsonDocument& document);

// Convenience: JSON text straight to a playlist. `file_name` is used in error locations and its
// directory becomes the playlist's base directory for relative image paths.
[[nodiscard]] std::expected<Playlist, Errors> parse_playlist_text(std::string text,
                                                                  const std::string& file_name);

}  // namespace keiji::model
