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

// Convenience: JSON text straight to a playlist, `file_name` used in error locations only (the
// base directory stays empty). Files are read with storage::load_playlist_file, which also sets
// the folder that relative image paths resolve against.
[[nodiscard]] std::expected<Playlist, Errors> parse_playlist_text(std::string text,
                                                                  const std::string& file_name);

}  // namespace keiji::model
