#include "sync/feed_sync.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "alert/signing.hpp"
#include "model/feed.hpp"
#include "model/playlist_parser.hpp"
#include "storage/file_io.hpp"
#include "sync/sha256.hpp"
#include "sync/snapshot.hpp"
#include "sync/url.hpp"

namespace keiji::sync {

namespace {

// A detached signature file holds the base64 of 64 bytes and perhaps a newline.
constexpr std::int64_t max_signature_bytes = 1024;

// A file of the feed, its address resolved and what the cache must end up holding.
struct Wanted {
    std::string label;  // "playlist partners", "asset images/gujo.png": for messages.
    std::string url;
    std::string sha256;
    std::int64_t bytes = 0;
};

// The first of a document's problems, saying how many more there are: one line for the log.
model::Error first_of(const model::Errors& problems) {
    model::Error first = problems.front();
    first.message.en = first.to_string();
    first.message.ja = first.to_string("ja");
    first.where = {};
    if (problems.size() > 1) {
        first.message.en += fmt::format(" (and {} more)", problems.size() - 1);
        first.message.ja += fmt::format("(ほか {} 件)", problems.size() - 1);
    }
    return first;
}

bool is_complete(const ObjectStore& store, const SnapshotRecord& record) {
    const auto files = objects_of(store, record);
    return files && std::all_of(files->begin(), files->end(), [&](const model::FeedFile& file) {
               return store.contains(file.sha256, file.bytes);
           });
}

class Sync {
public:
    Sync(const ObjectStore& store, Fetcher& fetcher, const SyncSettings& settings, std::int64_t now,
         const std::function<void(const SyncProgress&)>& progress)
        : m_store(store),
          m_fetcher(fetcher),
          m_settings(settings),
          m_now(now),
          m_progress(progress) {}

    SyncOutcome run();

private:
    SyncOutcome& fail(model::Error problem) {
        m_outcome.kind = SyncOutcome::Kind::failed;
        m_outcome.problem = std::move(problem);
        return m_outcome;
    }
    SyncOutcome& fail(std::string problem) { return fail(model::error(std::move(problem))); }
    model::Result<FetchResult> fetch(const FetchRequest& request, const BodySink& sink);
    model::Result<std::string> fetch_text(const std::string& url, std::int64_t max_bytes);
    model::Result<void> check_signature(const model::Feed& feed, std::string_view body);
    model::Result<void> fetch_into_store(const Wanted& file);
    model::Result<void> check_playlists(const model::Feed& feed, const std::vector<Wanted>& files);
    SyncOutcome& confirm_current(const FetchResult& response);

    const ObjectStore& m_store;
    Fetcher& m_fetcher;
    const SyncSettings& m_settings;
    std::int64_t m_now;
    const std::function<void(const SyncProgress&)>& m_progress;
    SyncProgress m_done;
    SyncOutcome m_outcome;
};

model::Result<FetchResult> Sync::fetch(const FetchRequest& request, const BodySink& sink) {
    ++m_outcome.requests;
    // Bodies count as they arrive, those of transfers cut off too; headers once complete.
    auto result = m_fetcher.fetch(request, [&](std::string_view bytes) {
        m_outcome.bytes_received += std::int64_t(bytes.size());
        return sink(bytes);
    });
    if (result) {
        m_outcome.bytes_received += result->header_bytes;
    }
    return result;
}

model::Result<std::string> Sync::fetch_text(const std::string& url, std::int64_t max_bytes) {
    std::string body;
    KEIJI_TRY(fetch({.url = url, .max_bytes = max_bytes}, [&](std::string_view bytes) {
        body.append(bytes);
        return true;
    }));
    return body;
}

model::Result<void> Sync::check_signature(const model::Feed& feed, std::string_view body) {
    std::string reference = m_settings.feed_url + ".sig";
    if (feed.signature) {
        auto resolved = resolve_reference(m_settings.feed_url, feed.signature->url);
        if (!resolved) {
            return model::failure(
                std::move(resolved.error()).context("the feed's signature address"));
        }
        reference = *resolved;
    }
    auto text = fetch_text(reference, max_signature_bytes);
    if (!text) {
        return model::failure(std::move(text.error())
                                  .context("the feed must be signed, but its signature cannot be "
                                           "fetched"));
    }
    while (!text->empty() &&
           (text->back() == '\n' || text->back() == '\r' || text->back() == ' ')) {
        text->pop_back();
    }
    const auto signature = alert::from_base64(*text);
    if (!signature) {
        return model::failure(fmt::format("the feed's signature {} is not base64: {}", reference,
                                          signature.error().text()));
    }
    bool named_key_known = false;
    for (const model::PublicKey& key : m_settings.keys) {
        if (feed.signature && key.key_id != feed.signature->key_id) {
            continue;
        }
        named_key_known = true;
        const auto public_key = alert::from_base64(key.public_key);
        if (public_key && alert::verify_detached(body, *signature, *public_key)) {
            return {};
        }
    }
    if (feed.signature && !named_key_known) {
        return model::failure(
            fmt::format("the feed is signed with the key \"{}\", which this screen does not "
                        "trust (see feed.public_keys in keiji.json)",
                        feed.signature->key_id));
    }
    return model::failure(
        fmt::format("the feed's signature {} does not match its contents: the feed was "
                    "changed after signing, or signed with another key",
                    reference));
}

// A file cut off by the line continues where it stopped: at once while each attempt brings
// more of it (a flaky line), and at the next sync otherwise (its part stays in incoming/).
constexpr int max_resumes_per_file = 8;

model::Result<void> Sync::fetch_into_store(const Wanted& file) {
    auto incoming = KEIJI_TRY(m_store.resume(file.sha256, file.bytes));
    const std::int64_t before = m_done.bytes_done;
    m_done.bytes_done += incoming.received();
    const auto give_up = [&](model::Error problem) -> model::Result<void> {
        m_done.bytes_done = before;
        return model::failure(std::move(problem).context(file.label));
    };
    for (int attempt = 0; incoming.received() < file.bytes; ++attempt) {
        const std::int64_t kept = incoming.received();
        const auto start_over = [&] {
            m_done.bytes_done -= incoming.received();
            return incoming.start_over();
        };
        auto result = fetch({.url = file.url,
                             .max_bytes = file.bytes,
                             .resume_from = kept,
                             .start_over = start_over},
                            [&](std::string_view bytes) {
                                if (!incoming.write(bytes)) {
                                    return false;
                                }
                                m_done.bytes_done += std::int64_t(bytes.size());
                                if (m_progress) {
                                    m_progress(m_done);
                                }
                                return true;
                            });
        if (incoming.problem()) {
            return give_up(*incoming.problem());
        }
        if (result) {
            break;  // Complete, or shorter than announced: commit says which.
        }
        if (incoming.received() <= kept || attempt == max_resumes_per_file) {
            return give_up(std::move(result.error()));
        }
        ++m_outcome.resumed;
    }
    if (auto committed = m_store.commit(incoming); !committed) {
        m_done.bytes_done = before;
        return model::failure(
            std::move(committed.error()).context(fmt::format("{} ({})", file.label, file.url)));
    }
    ++m_outcome.files_fetched;
    return {};
}

// A playlist with mistakes would play as gaps; the whole feed waits until it is fixed.
model::Result<void> Sync::check_playlists(const model::Feed& feed,
                                          const std::vector<Wanted>& files) {
    for (std::size_t i = 0; i < feed.playlists.size(); ++i) {
        const auto text = storage::read_file(m_store.path_of(files[i].sha256));
        if (!text) {
            return model::failure(fmt::format("{}: cannot be read back from the cache ({})",
                                              files[i].label, text.error().text()));
        }
        const auto playlist = model::parse_playlist_text(*text, files[i].url);
        if (!playlist) {
            return model::failure(
                first_of(playlist.error())
                    .context(fmt::format("{} has mistakes, so the feed is not used yet",
                                         files[i].label)));
        }
    }
    return {};
}

SyncOutcome& Sync::confirm_current(const FetchResult& response) {
    SnapshotRecord& current = *m_outcome.index.current;
    current.checked_at = m_now;
    if (!response.etag.empty()) {
        current.etag = response.etag;
    }
    if (!response.last_modified.empty()) {
        current.last_modified = response.last_modified;
    }
    if (auto saved = save_index(m_store.root(), m_outcome.index); !saved) {
        return fail(saved.error());
    }
    m_outcome.kind = SyncOutcome::Kind::unchanged;
    return m_outcome;
}

SyncOutcome Sync::run() {
    if (auto index = load_index(m_store.root())) {
        m_outcome.index = *index;
    }
    // A damaged index is started afresh: the feed is fetched whole and the index rewritten.
    const std::optional<SnapshotRecord>& current = m_outcome.index.current;
    std::error_code error;
    // Ask "has it changed?" only when everything the current feed needs is still here; a file
    // removed since (by hand, or by gc while a download was pending) is fetched again.
    const bool revalidate =
        current && current->feed_url == m_settings.feed_url && is_complete(m_store, *current);

    std::string body;
    FetchRequest request{.url = m_settings.feed_url, .max_bytes = m_settings.max_feed_bytes};
    if (revalidate) {
        request.if_none_match = current->etag;
        request.if_modified_since = current->last_modified;
    }
    const auto response = fetch(request, [&](std::string_view bytes) {
        body.append(bytes);
        return true;
    });
    if (!response) {
        return fail(model::Error(response.error()).context("cannot fetch the feed"));
    }
    if (response->not_modified && revalidate) {
        return confirm_current(*response);
    }
    if (response->not_modified) {
        return fail("the server answered 304 Not Modified to a request that was not conditional");
    }

    auto feed = model::parse_feed_text(body, m_settings.feed_url);
    if (!feed) {
        return fail(first_of(feed.error()).context("the feed has mistakes, so it is not used"));
    }
    if (!m_settings.keys.empty()) {
        if (auto checked = check_signature(*feed, body); !checked) {
            return fail(std::move(checked.error()));
        }
    }
    const std::string feed_sha256 = sha256_hex(body);
    if (revalidate && feed_sha256 == current->feed_sha256) {
        return confirm_current(*response);
    }

    std::vector<Wanted> files;
    for (const model::FeedPlaylist& playlist : feed->playlists) {
        files.push_back({.label = "playlist " + playlist.id,
                         .url = playlist.file.url,
                         .sha256 = playlist.file.sha256,
                         .bytes = playlist.file.bytes});
    }
    for (const model::FeedAsset& asset : feed->assets) {
        files.push_back({.label = "asset " + asset.path,
                         .url = asset.file.url,
                         .sha256 = asset.file.sha256,
                         .bytes = asset.file.bytes});
    }
    // Every address is checked before anything is fetched: one bad address rejects the feed.
    for (Wanted& file : files) {
        auto resolved = resolve_reference(m_settings.feed_url, file.url);
        if (!resolved) {
            return fail(std::move(resolved.error()).context(file.label));
        }
        file.url = std::move(*resolved);
    }
    std::vector<const Wanted*> missing;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (i < feed->playlists.size() && files[i].bytes > m_settings.max_playlist_bytes) {
            return fail(fmt::format("{}: {} bytes is more than a playlist may have ({})",
                                    files[i].label, files[i].bytes, m_settings.max_playlist_bytes));
        }
        if (!m_store.contains(files[i].sha256, files[i].bytes)) {
            missing.push_back(&files[i]);
            m_done.bytes_total += files[i].bytes;
        }
    }
    m_done.files_total = int(missing.size());
    for (const Wanted* file : missing) {
        if (auto fetched = fetch_into_store(*file); !fetched) {
            return fail(std::move(fetched.error()));
        }
        ++m_done.files_done;
        if (m_progress) {
            m_progress(m_done);
        }
    }
    if (auto checked = check_playlists(*feed, files); !checked) {
        return fail(std::move(checked.error()));
    }

    // Everything is in the cache: only now does the new feed become current.
    if (auto stored = m_store.put(body); !stored) {
        return fail(stored.error());
    }
    for (const Wanted& file : files) {
        m_store.touch(file.sha256);
    }
    m_store.touch(feed_sha256);
    SnapshotIndex next;
    next.previous =
        current && current->feed_sha256 != feed_sha256 ? current : m_outcome.index.previous;
    next.current = SnapshotRecord{.feed_url = m_settings.feed_url,
                                  .feed_sha256 = feed_sha256,
                                  .etag = response->etag,
                                  .last_modified = response->last_modified,
                                  .committed_at = m_now,
                                  .checked_at = m_now};
    if (auto saved = save_index(m_store.root(), next); !saved) {
        return fail(saved.error());
    }
    m_store.drop_partial_downloads({});  // Every file of the feed is here now.
    m_outcome.index = std::move(next);
    m_outcome.kind = SyncOutcome::Kind::updated;
    return m_outcome;
}

}  // namespace

SyncOutcome sync_once(const ObjectStore& store, Fetcher& fetcher, const SyncSettings& settings,
                      std::int64_t now, const std::function<void(const SyncProgress&)>& progress) {
    return Sync(store, fetcher, settings, now, progress).run();
}

}  // namespace keiji::sync
