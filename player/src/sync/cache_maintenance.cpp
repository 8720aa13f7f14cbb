#include "sync/cache_maintenance.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "sync/snapshot.hpp"

namespace keiji::sync {

std::set<std::string> objects_in_use(const ObjectStore& store, const SnapshotIndex& index) {
    std::set<std::string> in_use;
    for (const auto& record : {index.current, index.previous}) {
        if (!record) {
            continue;
        }
        in_use.insert(record->feed_sha256);
        if (const auto files = objects_of(store, *record)) {
            for (const model::FeedFile& file : *files) {
                in_use.insert(file.sha256);
            }
        }
    }
    return in_use;
}

VerifyReport verify_cache(const ObjectStore& store, const std::function<void(int, int)>& progress,
                          DamagedFiles damaged) {
    VerifyReport report;
    const auto index = load_index(store.root());
    if (!index) {
        report.problems.push_back(index.error());
    }
    const auto entries = store.list();
    std::set<std::string> removed;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        ++report.objects;
        report.bytes += entries[i].bytes;
        if (auto checked = store.check(entries[i]); !checked) {
            if (damaged == DamagedFiles::remove) {
                store.remove(entries[i].sha256);
                removed.insert(entries[i].sha256);
                ++report.removed;
                checked.error().message.en += "; removed, the next sync fetches it again";
                checked.error().message.ja += "。削除しました。次の同期で取り直します";
            }
            report.problems.push_back(std::move(checked.error()));
        }
        if (progress) {
            progress(int(i + 1), int(entries.size()));
        }
    }
    if (!index) {
        return report;
    }
    for (const auto& [name, record] :
         {std::pair{"current", index->current}, std::pair{"previous", index->previous}}) {
        if (!record) {
            continue;
        }
        const auto files = objects_of(store, *record);
        if (!files) {
            report.problems.push_back(
                model::Error(files.error()).context(fmt::format("the {} feed", name)));
            continue;
        }
        for (const model::FeedFile& file : *files) {
            if (!store.contains(file.sha256, file.bytes) && !removed.contains(file.sha256)) {
                report.problems.push_back(
                    model::error(fmt::format("the {} feed needs {} ({} bytes, {}), "
                                             "which is missing or has the wrong size",
                                             name, file.url, file.bytes, file.sha256)));
            }
        }
    }
    return report;
}

GcReport collect_garbage(const ObjectStore& store, std::int64_t budget_bytes) {
    GcReport report;
    const auto index = load_index(store.root());
    // Without a readable index nothing can be known to be unused: keep everything.
    if (!index) {
        for (const auto& entry : store.list()) {
            report.bytes_kept += entry.bytes;
        }
        return report;
    }
    const std::set<std::string> in_use = objects_in_use(store, *index);
    auto entries = store.list();
    std::int64_t total = 0;
    for (const auto& entry : entries) {
        total += entry.bytes;
        if (in_use.contains(entry.sha256)) {
            report.bytes_in_use += entry.bytes;
        }
    }
    // A large download cut off and kept to resume takes room too, and is not evicted here.
    for (const auto& part : store.partial_downloads()) {
        total += part.bytes;
        report.bytes_in_use += part.bytes;
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.last_used < b.last_used; });
    for (const auto& entry : entries) {
        if (total <= budget_bytes) {
            break;
        }
        if (in_use.contains(entry.sha256)) {
            continue;
        }
        store.remove(entry.sha256);
        total -= entry.bytes;
        report.bytes_freed += entry.bytes;
        ++report.removed;
    }
    report.bytes_kept = total;
    return report;
}

}  // namespace keiji::sync
