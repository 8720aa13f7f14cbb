#include "cli/cache_command.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "cli/messages.hpp"
#include "cli/progress_bar.hpp"
#include "cli/settings_options.hpp"
#include "play/settings_file.hpp"
#include "sync/cache_maintenance.hpp"
#include "sync/curl_fetcher.hpp"
#include "sync/feed_sync.hpp"
#include "sync/snapshot.hpp"
#include "sync/url.hpp"

namespace keiji::cli {

namespace {

constexpr const char* cache_help =
    R"(The player keeps the last good feed and everything it needs in its cache, so a
screen keeps playing when the network is down and starts from the cache after a reboot.

  keiji cache ls       what the screen would play from the cache, and how big it is
  keiji cache verify   re-reads every file and checks it against its SHA-256
                       (--repair: removes a damaged file, so the next sync fetches it again)
  keiji cache gc       removes files no kept feed needs, oldest first, down to the budget
  keiji cache sync     fetches the feed once now (what the player does every few minutes)

Files are stored under their SHA-256, never under names from the network, and a new feed
becomes current only when all of its files are present: a power cut cannot spoil the cache.)";

struct CacheOptions {
    std::string action;   // ls, verify, gc, sync: set by the parser.
    bool repair = false;  // verify --repair
    double timeout_seconds = 600;
    std::vector<std::unique_ptr<SettingsOptions>> settings;  // One set per subcommand.
};

int fail(const std::string& message) {
    return cli::fail("cache", message);
}

std::string when(std::int64_t unix_seconds) {
    if (unix_seconds <= 0) {
        return "never";
    }
    // The screen's own time zone: staff compare it with the clock on the wall.
    return fmt::format("{:%Y-%m-%d %H:%M:%S}", fmt::localtime(std::time_t(unix_seconds)));
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
        std::fputs(fmt::format("  cannot be played: {}\n", snapshot.error().text()).c_str(),
                   stdout);
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
        return fail(index.error().text());
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

int verify(const sync::ObjectStore& store, bool repair) {
    ProgressBar bar("checking");
    const sync::VerifyReport report = sync::verify_cache(
        store, [&](int done, int total) { bar.update(done, total); },
        repair ? sync::DamagedFiles::remove : sync::DamagedFiles::report);
    for (const model::Error& problem : report.problems) {
        std::fputs(fmt::format("problem: {}\n", problem.text()).c_str(), stderr);
    }
    std::fputs(
        fmt::format("{} files, {} checked: {}\n", report.objects, human_bytes(report.bytes),
                    report.problems.empty() ? "the cache is consistent"
                    : report.removed > 0
                        ? fmt::format("{} problem(s); {} damaged file(s) removed, the next sync "
                                      "fetches them again",
                                      report.problems.size(), report.removed)
                        : fmt::format("{} problem(s) (--repair removes damaged files)",
                                      report.problems.size()))
            .c_str(),
        stdout);
    // Repaired damage is not a failure: what remains to do is the next sync's.
    return std::ssize(report.problems) == report.removed ? 0 : 1;
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

int sync_now(const sync::ObjectStore& store, const play::Settings& settings,
             double timeout_seconds) {
    if (settings.feed.empty()) {
        return fail("no feed to sync: give --feed URL (or a folder), or --config with feed.url");
    }
    const auto url = sync::feed_location_to_url(settings.feed);
    if (!url) {
        return fail(url.error().text());
    }
    const sync::SyncSettings sync_settings{.feed_url = *url, .keys = settings.feed_keys};
    sync::FetchLimits limits;
    limits.total_timeout = std::chrono::milliseconds(std::llround(timeout_seconds * 1000));
    limits.stall_time = std::chrono::seconds(
        std::max<long long>(1, std::min<long long>(30, std::llround(timeout_seconds))));
    sync::CurlFetcher fetcher(limits);
    ProgressBar bar("syncing");
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    const sync::SyncOutcome outcome = sync::sync_once(
        store, fetcher, sync_settings, now, [&](const sync::SyncProgress& progress) {
            bar.update(progress.files_done, progress.files_total, progress.bytes_done);
        });
    const std::string traffic =
        fmt::format("{} request(s), {}{} received", outcome.requests,
                    outcome.resumed > 0 ? fmt::format("{} resumed, ", outcome.resumed) : "",
                    human_bytes(outcome.bytes_received));
    switch (outcome.kind) {
        case sync::SyncOutcome::Kind::unchanged:
            std::fputs(fmt::format("unchanged: the cached feed is current ({})\n", traffic).c_str(),
                       stdout);
            return 0;
        case sync::SyncOutcome::Kind::updated: {
            const sync::GcReport gc = sync::collect_garbage(store, settings.cache_budget_mb << 20);
            if (gc.removed > 0) {
                std::fputs(fmt::format("evicted {} file(s) no kept feed needs ({})\n", gc.removed,
                                       human_bytes(gc.bytes_freed))
                               .c_str(),
                           stdout);
            }
            std::fputs(fmt::format("updated: feed {} is current, {} file(s) fetched ({})\n",
                                   outcome.index.current->feed_sha256.substr(0, 12),
                                   outcome.files_fetched, traffic)
                           .c_str(),
                       stdout);
            return 0;
        }
        case sync::SyncOutcome::Kind::failed:
            break;
    }
    return fail(fmt::format("sync failed, the cached feed stays as it was: {} ({})",
                            outcome.problem.text(), traffic));
}

int run_cache(const CacheOptions& options, const SettingsOptions& given) {
    const auto layer = given.read(play::in_cache);
    if (!layer) {
        return cli::fail("cache", layer.error().text(), 2);
    }
    const play::LoadedSettings loaded = play::load_settings(*layer);
    print_problems(loaded.problems, "en");
    const play::Settings& settings = loaded.settings.values;
    const sync::ObjectStore store(settings.cache_directory);
    if (options.action == "sync") {
        // Only a sync clears what interrupted downloads left: ls, verify and gc may run beside a
        // playing screen and must not pull its download from under it.
        if (auto opened = sync::ObjectStore(settings.cache_directory).open(); !opened) {
            return fail(opened.error().text());
        }
        return sync_now(store, settings, options.timeout_seconds);
    }
    if (std::error_code error; !std::filesystem::is_directory(settings.cache_directory, error)) {
        return fail(
            fmt::format("there is no cache at {} (has the player synced a feed yet? "
                        "--cache names another folder)",
                        settings.cache_directory));
    }
    if (options.action == "ls") {
        return list(store);
    }
    if (options.action == "verify") {
        return verify(store, options.repair);
    }
    return collect(store, settings.cache_budget_mb);
}

}  // namespace

Command add_cache_command(CLI::App& app, const Context&) {
    auto options = std::make_shared<CacheOptions>();
    auto* command =
        app.add_subcommand("cache", "The offline cache: ls, verify, gc, sync (see --help)");
    command->description(cache_help);
    command->require_subcommand(1);
    std::vector<std::pair<CLI::App*, const SettingsOptions*>> subcommands;
    const auto add = [&](const char* action, const char* help) {
        CLI::App* sub = command->add_subcommand(action, help);
        options->settings.push_back(std::make_unique<SettingsOptions>(*sub, play::in_cache));
        subcommands.emplace_back(sub, options->settings.back().get());
        sub->callback([options, action] { options->action = action; });
        return sub;
    };
    add("ls", "What is in the cache and what would play");
    auto* verify_command = add("verify", "Check every cached file against its SHA-256");
    verify_command->add_flag(
        "--repair", options->repair,
        "Remove a file whose bytes changed, so the next sync fetches it again");
    verify_command->footer("Example: keiji cache verify --repair --cache /var/cache/keiji");
    add("gc", "Remove files no kept feed needs, oldest first, down to the budget");
    auto* sync = add("sync", "Fetch the feed once now");
    sync->add_option("--timeout", options->timeout_seconds, "Give up on a file after N seconds")
        ->capture_default_str();
    sync->footer(
        "Example: keiji cache sync --feed https://signage.example.jp/keiji/feed.json "
        "--cache /tmp/cache");
    return Command{command, [options, subcommands] {
                       for (const auto& [sub, given] : subcommands) {
                           if (sub->parsed()) {
                               return run_cache(*options, *given);
                           }
                       }
                       return cli::fail("cache", "say what to do: ls, verify, gc or sync", 2);
                   }};
}

}  // namespace keiji::cli
