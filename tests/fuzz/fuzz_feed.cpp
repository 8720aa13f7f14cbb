// libFuzzer target: the feed a screen downloads (model::parse_feed_text). It comes from the
// network, so besides never crashing the parser must hold its promise to the cache: every path
// it lets through is a safe relative path, and every playlist a screen is told to play exists.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "model/feed.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    const auto feed = keiji::model::parse_feed_text(std::move(text), "fuzz/feed.json");
    if (!feed) {
        for (const keiji::model::Error& error : feed.error()) {
            if (error.message.en.empty() || error.message.ja.empty()) {
                std::abort();
            }
        }
        if (feed.error().empty()) {
            std::abort();
        }
        return 0;
    }
    for (const keiji::model::FeedAsset& asset : feed->assets) {
        if (!keiji::model::is_safe_relative_path(asset.path)) {
            std::abort();
        }
    }
    const std::vector<std::string> tags{"lobby", "1f"};
    for (const std::string& id : keiji::model::playlists_for_screen(*feed, "minato-1f-01", tags)) {
        bool known = false;
        for (const keiji::model::FeedPlaylist& playlist : feed->playlists) {
            known = known || playlist.id == id;
        }
        if (!known) {
            std::abort();
        }
    }
    return 0;
}
