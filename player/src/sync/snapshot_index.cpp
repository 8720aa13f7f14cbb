#include "sync/snapshot_index.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "storage/file_io.hpp"

namespace keiji::sync {

namespace {

nlohmann::json to_json(const SnapshotRecord& record) {
    return {{"feed_url", record.feed_url},
            {"feed_sha256", record.feed_sha256},
            {"etag", record.etag},
            {"last_modified", record.last_modified},
            {"committed_at", record.committed_at},
            {"checked_at", record.checked_at}};
}

SnapshotRecord from_json(const nlohmann::json& json) {
    return SnapshotRecord{.feed_url = json.at("feed_url").get<std::string>(),
                          .feed_sha256 = json.at("feed_sha256").get<std::string>(),
                          .etag = json.value("etag", ""),
                          .last_modified = json.value("last_modified", ""),
                          .committed_at = json.value("committed_at", std::int64_t{0}),
                          .checked_at = json.value("checked_at", std::int64_t{0})};
}

}  // namespace

std::filesystem::path index_path(const std::filesystem::path& cache_root) {
    return cache_root / "snapshots.json";
}

model::Result<SnapshotIndex> load_index(const std::filesystem::path& cache_root) {
    const auto text = storage::read_file_if_exists(index_path(cache_root));
    if (!text) {
        return model::failure(text.error());
    }
    SnapshotIndex index;
    if (!*text) {
        return index;
    }
    try {
        const nlohmann::json json = nlohmann::json::parse(**text);
        if (json.contains("current") && !json["current"].is_null()) {
            index.current = from_json(json["current"]);
        }
        if (json.contains("previous") && !json["previous"].is_null()) {
            index.previous = from_json(json["previous"]);
        }
    } catch (const nlohmann::json::exception& error) {
        return model::failure(
            fmt::format("{} is damaged: {}", index_path(cache_root).string(), error.what()));
    }
    return index;
}

model::Result<void> save_index(const std::filesystem::path& cache_root,
                               const SnapshotIndex& index) {
    nlohmann::json json = {{"current", nullptr}, {"previous", nullptr}};
    if (index.current) {
        json["current"] = to_json(*index.current);
    }
    if (index.previous) {
        json["previous"] = to_json(*index.previous);
    }
    return storage::write_file_atomically(index_path(cache_root), json.dump(2) + "\n");
}

}  // namespace keiji::sync
