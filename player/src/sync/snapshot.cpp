#include "sync/snapshot.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "storage/file_io.hpp"

namespace keiji::sync {

namespace {

// The object's bytes still hash to its name; if not, it is removed (the next sync fetches it
// again) and the error says so.
model::Result<void> check_or_drop(const ObjectStore& store, const model::FeedFile& file,
                                  std::string_view what) {
    auto checked = store.check(ObjectStore::Entry{.sha256 = file.sha256, .bytes = file.bytes});
    if (checked) {
        return {};
    }
    store.remove(file.sha256);
    return model::failure(model::Error(checked.error())
                              .context(fmt::format("{} ({}) was removed from the cache, and the "
                                                   "next sync fetches it again",
                                                   what, file.url)));
}

model::Result<model::Feed> read_feed(const ObjectStore& store, const SnapshotRecord& record) {
    const auto text = storage::read_file_if_exists(store.path_of(record.feed_sha256));
    if (!text) {
        return model::failure(text.error());
    }
    if (!*text) {
        return model::failure(
            fmt::format("the feed {} is no longer in the cache", record.feed_sha256));
    }
    auto feed = model::parse_feed_text(std::move(**text), record.feed_url);
    if (!feed) {
        return model::failure(feed.error().front().to_string());
    }
    return std::move(*feed);
}

}  // namespace

model::Result<std::vector<model::FeedFile>> objects_of(const ObjectStore& store,
                                                       const SnapshotRecord& record) {
    auto feed = read_feed(store, record);
    if (!feed) {
        return model::failure(feed.error());
    }
    std::error_code error;
    const auto feed_size = std::filesystem::file_size(store.path_of(record.feed_sha256), error);
    std::vector<model::FeedFile> files{model::FeedFile{
        .url = record.feed_url, .bytes = std::int64_t(feed_size), .sha256 = record.feed_sha256}};
    for (const model::FeedPlaylist& playlist : feed->playlists) {
        files.push_back(playlist.file);
    }
    for (const model::FeedAsset& asset : feed->assets) {
        files.push_back(asset.file);
    }
    return files;
}

model::Result<Snapshot> open_snapshot(const ObjectStore& store, const SnapshotRecord& record,
                                      std::string_view screen_id,
                                      const std::vector<std::string>& tags) {
    auto feed = read_feed(store, record);
    if (!feed) {
        return model::failure(feed.error());
    }
    std::error_code size_error;
    const auto feed_bytes =
        std::filesystem::file_size(store.path_of(record.feed_sha256), size_error);
    KEIJI_TRY(check_or_drop(store,
                            model::FeedFile{.url = record.feed_url,
                                            .bytes = std::int64_t(feed_bytes),
                                            .sha256 = record.feed_sha256},
                            "the feed"));
    Snapshot snapshot{.record = record, .feed = std::move(*feed)};
    const auto missing = [&](const std::string& what, const model::FeedFile& file) {
        return model::failure(fmt::format("{} ({}) is missing from the cache", what, file.url));
    };
    for (const std::string& id : model::playlists_for_screen(snapshot.feed, screen_id, tags)) {
        const auto found =
            std::find_if(snapshot.feed.playlists.begin(), snapshot.feed.playlists.end(),
                         [&](const model::FeedPlaylist& p) { return p.id == id; });
        if (!store.contains(found->file.sha256, found->file.bytes)) {
            return missing("playlist " + id, found->file);
        }
        if (auto intact = check_or_drop(store, found->file, "playlist " + id); !intact) {
            snapshot.problems.push_back(std::move(intact.error()));
            continue;
        }
        snapshot.playlists.push_back(SnapshotPlaylist{
            .id = id, .url = found->file.url, .file = store.path_of(found->file.sha256)});
    }
    for (const model::FeedAsset& asset : snapshot.feed.assets) {
        if (!store.contains(asset.file.sha256, asset.file.bytes)) {
            return missing("asset " + asset.path, asset.file);
        }
        if (auto intact = check_or_drop(store, asset.file, "asset " + asset.path); !intact) {
            snapshot.problems.push_back(std::move(intact.error()));
        }
        snapshot.assets.emplace(asset.path, store.path_of(asset.file.sha256));
    }
    return snapshot;
}

}  // namespace keiji::sync
