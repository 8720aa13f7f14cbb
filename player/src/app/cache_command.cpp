#include "app/cache_command.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "app/config_loader.hpp"
#include "app/progress_bar.hpp"
#include "sync/cache_maintenance.hpp"
#include "sync/curl_fetcher.hpp"
#include "sync/feed_sync.hpp"
#include "sync/snapshot.hpp"
#include "sync/url.hpp"

namespace keiji::app {

namespace {

constexpr const char* cache_help =
    R"(The player keeps the last good feed and everything it needs in its cache, so a
screen keeps playing when the network is down and starts from the cache after a reboot.

  keiji cache ls       what the screen would play from the cache, and how big it is
  keiji cache verify   re-reads every file and checks it against its SHA-256
  keiji cache gc       removes files no kept feed needs, oldest first, down to the budget
  keiji cache sync     fetches the feed once now (what the player does every few minutes)

Files are stored under their SHA-256, never under names from the network, and a new feed
becomes current only when all of its files are present: a power cut cannot spoil the cache.)";

int fail(const std::string& message) {
    std::fputs(fmt::format("keiji cache: {}\n", message).c_str(), stderr);
    return 1;
}

std::string when(std::int64_t unix_seconds) {
    if (unix_seconds <= 0) {
        return "never";
    }
    // The screen's own time zone: staff compare it with the clock on the wall.
    return fmt::format("{:%Y-%m-%d %H:%M:%S}", fmt::localtime(std::time_t(unix_seconds)));
}

// The config's cache folder and feed, where the command line did not name them.
CacheCommandOptions with_config(CacheCommandOptions options) {
    if (!options.config_file) {
        return options;
    }
    if (const auto config = load_config_file(*options.config_file)) {
        if (options.cache_directory == CacheCommandOptions{}.cache_directory) {
            options.cache_directory = config->cache_directory;
        }
        if (options.feed.empty()) {
            options.feed = config->feed_url;
        }
        if (!options.budget_mb) {
            options.budget_mb = config->cache_budget_mb;
        }
    }
    return options;
}

void print_record(const char* name, const std::optional<sync::SnapshotRecord>& record,
                  const sync::ObjectStore& store) {
    if (!record) {
        std::fputs(fmt::format("{}: none\n", name).c_str(), stdout);
        return;
    }
    std::fputs(fmt::format("{}: feed {} from {}\n  current since {}, last confirmed {}\n", name,
                           record->feed_sha256.substr(0, 12), record->feed_url,
                           when(record->committed_at), when(record->checked_at))
                   .c_str(),
               stdout);
    const auto snapshot = sync::open_snapshot(store, *record, "", {});
    if (!snapshot) {
        std::fputs(fmt::format("  cannot be played: {}\n", snapshot.error()).c_str(), stdout);
        return;
    }
    for (const model::FeedPlaylist& playlist : snapshot->feed.playlists) {
        std::fputs(fmt::format("  playlist {:<20} {:>10}  {}\n", playlist.id,
                               human_bytes(playlist.file.bytes), playlist.file.sha256.substr(0, 12))
                       .c_str(),
                   stdout);
    }
    for (const model::FeedAsset& asset : snapshot->feed.assets) {
        std::fputs(fmt::format("  asset    {:<20} {:>10}  {}\n", asset.path,
                               human_bytes(asset.file.bytes), asset.file.sha256.substr(0, 12))
                       .c_str(),
                   stdout);
    }
}

int list(const sync::ObjectStore& store) {
    const auto index = sync::load_index(store.root());
    if (!index) {
        return fail(index.error());
    }
    print_record("current", index->current, store);
    print_record("previous", index->previous, store);
    std::int64_t bytes = 0;
    const auto entries = store.list();
    for (const auto& entry : entries) {
        bytes += entry.bytes;
    }
    const auto in_use = sync::objects_in_use(store, *index);
    std::fputs(fmt::format("{} files, {} in {} ({} needed by the feeds above)\n", entries.size(),
                           human_bytes(bytes), store.root().string(), in_use.size())
                   .c_str(),
               stdout);
    return 0;
}

int verify(const sync::ObjectStore& store) {
    ProgressBar bar("checking");
    const sync::VerifyReport report =
        sync::verify_cache(store, [&](int done, int total) { bar.update(done, total); });
    for (const std::string& problem : report.problems) {
        std::fputs(fmt::format("problem: {}\n", problem).c_str(), stderr);
    }
    std::fputs(
        fmt::format("{} files, {} checked: {}\n", report.objects, human_bytes(report.bytes),
                    report.problems.empty() ? "the cache is consistent"
                                            : fmt::format("{} problem(s)", report.problems.size()))
            .c_str(),
        stdout);
    return report.problems.empty() ? 0 : 1;
}

int collect(const sync::ObjectStore& store, long long budget_mb) {
    const sync::GcReport report = sync::collect_garbage(store, budget_mb << 20);
    std::fputs(fmt::format("removed {} files ({}); {} kept, of which {} are needed by the "
                           "current and previous feeds\n",
                           report.removed, human_bytes(report.bytes_freed),
                           human_bytes(report.bytes_kept), human_bytes(report.bytes_in_use))
                   .c_str(),
               stdout);
    return 0;
}

int sync_now(const sync::ObjectStore& store, const CacheCommandOptions& options) {
    if (options.feed.empty()) {
        return fail("no feed to sync: give --feed URL (or a folder), or --config with feed.url");
    }
    const auto url = sync::feed_location_to_url(options.feed);
    if (!url) {
        return fail(url.error());
    }
    sync::SyncSettings settings{.feed_url = *url};
    if (options.config_file) {
        if (const auto config = load_config_file(*options.config_file)) {
            settings.keys = config->feed_keys;
        }
    }
    sync::FetchLimits limits;
    limits.total_timeout = std::chrono::milliseconds(std::llround(options.timeout_seconds * 1000));
    limits.stall_time = std::chrono::seconds(
        std::max<long long>(1, std::min<long long>(30, std::llround(options.timeout_seconds))));
    sync::CurlFetcher fetcher(limits);
    ProgressBar bar("syncing");
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    const sync::SyncOutcome outcome =
        sync::sync_once(store, fetcher, settings, now, [&](const sync::SyncProgress& progress) {
            bar.update(progress.files_done, progress.files_total, progress.bytes_done);
        });
    const std::string traffic = fmt::format("{} request(s), {} received", outcome.requests,
                                            human_bytes(outcome.bytes_received));
    switch (outcome.kind) {
        case sync::SyncOutcome::Kind::unchanged:
            std::fputs(fmt::format("unchanged: the cached feed is current ({})\n", traffic).c_str(),
                       stdout);
            return 0;
        case sync::SyncOutcome::Kind::updated:
            if (options.budget_mb) {
                (void)sync::collect_garbage(store, *options.budget_mb << 20);
            }
            std::fputs(fmt::format("updated: feed {} is current, {} file(s) fetched ({})\n",
                                   outcome.index.current->feed_sha256.substr(0, 12),
                                   outcome.files_fetched, traffic)
                           .c_str(),
                       stdout);
            return 0;
        case sync::SyncOutcome::Kind::failed:
            break;
    }
    return fail(fmt::format("sync failed, the cached feed stays as it was: {} ({})",
                            outcome.problem, traffic));
}

}  // namespace

CLI::App* add_cache_command(CLI::App& app, CacheCommandOptions& options) {
    auto* command =
        app.add_subcommand("cache", "The offline cache: ls, verify, gc, sync (see --help)");
    command->description(cache_help);
    command->require_subcommand(1);
    const auto common = [&options](CLI::App* sub, const char* action) {
        sub->add_option("--cache", options.cache_directory, "The cache folder")
            ->capture_default_str();
        sub->add_option("--config", options.config_file,
                        "Take the cache folder, feed and keys from this keiji.json");
        sub->callback([&options, action] { options.action = action; });
    };
    common(command->add_subcommand("ls", "What is in the cache and what would play"), "ls");
    common(command->add_subcommand("verify", "Check every cached file against its SHA-256"),
           "verify");
    auto* gc = command->add_subcommand("gc", "Remove files no kept feed needs, oldest first");
    common(gc, "gc");
    gc->add_option("--budget-mb", options.budget_mb,
                   "Keep at most this many megabytes (default: the config's, else 2048)");
    auto* sync = command->add_subcommand("sync", "Fetch the feed once now");
    common(sync, "sync");
    sync->add_option("--feed", options.feed,
                     "The feed: https://…/feed.json, file:///…, or a local folder");
    sync->add_option("--timeout", options.timeout_seconds, "Give up on a file after N seconds")
        ->capture_default_str();
    sync->footer(
        "Example: keiji cache sync --feed https://signage.example.jp/keiji/feed.json "
        "--cache /tmp/cache");
    return command;
}

int run_cache(const CacheCommandOptions& given) {
    const CacheCommandOptions options = with_config(given);
    const sync::ObjectStore store(options.cache_directory);
    if (options.action == "sync") {
        // Only a sync clears what interrupted downloads left: ls, verify and gc may run beside a
        // playing screen and must not pull its download from under it.
        if (auto opened = sync::ObjectStore(options.cache_directory).open(); !opened) {
            return fail(opened.error());
        }
        return sync_now(store, options);
    }
    if (std::error_code error; !std::filesystem::is_directory(options.cache_directory, error)) {
        return fail(
            fmt::format("there is no cache at {} (has the player synced a feed yet? "
                        "--cache names another folder)",
                        options.cache_directory));
    }
    if (options.action == "ls") {
        return list(store);
    }
    if (options.action == "verify") {
        return verify(store);
    }
    return collect(store, options.budget_mb.value_or(2048));
}

}  // namespace keiji::app
