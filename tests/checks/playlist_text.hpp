#pragma once

// A playlist written in a test, parsed as keiji validate parses a file.
#include <doctest/doctest.h>

#include "storage/playlist_file.hpp"

namespace keiji::test {

inline storage::PlaylistFile parse_playlist(const char* text) {
    auto file = storage::parse_playlist_file(text, "lobby.json", ".");
    REQUIRE(file.has_value());
    return std::move(*file);
}

}  // namespace keiji::test
