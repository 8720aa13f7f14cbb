#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"

namespace keiji::model {

// One file a feed lists: where to fetch it and what its bytes must be. The hash is the file's
// identity in the cache; the URL and names are only hints from the network.
struct FeedFile {
    std::string url;  // Absolute, or relative to the feed's own URL.
    std::int64_t bytes = 0;
    std::string sha256;  // 64 lowercase hex digits.
};

struct FeedPlaylist {
    std::string id;
    FeedFile file;
};

// An image or other file a playlist refers to by `path` (as in "image": "images/gujo.png").
struct FeedAsset {
    std::string path;
    FeedFile file;
};

// Which screens play which playlists: by screen id or by tag, the first match wins.
struct ScreenAssignment {
    std::string screen;  // Empty when the assignment is by tag.
    std::string tag;
    std::vector<std::string> playlists;
};

struct FeedSignature {
    std::string key_id;
    std::string url;
};

// content-schema/feed.schema.json, parsed and checked.
struct Feed {
    std::string generated;
    std::vector<FeedPlaylist> playlists;
    std::vector<ScreenAssignment> screens;
    std::vector<FeedAsset> assets;
    std::optional<FeedSignature> signature;
};

// Parses and checks a feed. Besides the schema's rules it refuses what could hurt the cache or
// confuse a screen: an asset path that is absolute or climbs out with "..", duplicate ids or
// paths, and assignments that name a playlist the feed does not have. Every problem is returned.
[[nodiscard]] std::expected<Feed, Errors> parse_feed_text(std::string text,
                                                          const std::string& source);

// The playlist ids this screen plays: the first assignment for its id or one of its tags (tag
// "*" matches every screen); when none matches, every playlist (a new screen shows something
// rather than nothing).
[[nodiscard]] std::vector<std::string> playlists_for_screen(const Feed& feed,
                                                            std::string_view screen_id,
                                                            const std::vector<std::string>& tags);

// True for a relative path such as "images/gujo.png": no leading "/", no "." or ".." segment,
// no empty segment, no backslash or control character.
[[nodiscard]] bool is_safe_relative_path(std::string_view path);

}  // namespace keiji::model
