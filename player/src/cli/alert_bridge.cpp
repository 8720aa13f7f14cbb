#include "cli/alert_bridge.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <csignal>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>

#include "alert/cap_bridge.hpp"
#include "alert/cap_feed.hpp"
#include "alert/desk.hpp"
#include "alert/key_files.hpp"
#include "alert/mqtt_publish.hpp"
#include "cli/messages.hpp"
#include "storage/file_io.hpp"
#include "sync/curl_fetcher.hpp"

namespace keiji::cli {

namespace {

// A feed of a few hundred CAP entries is well under this; anything larger is not one.
constexpr std::int64_t largest_document = 4 * 1024 * 1024;
// Entries read from one feed in one poll (each may be a fetch): a feed of a hundred thousand
// links is not an agency's, and must not hold the bridge for hours.
constexpr std::size_t most_entries = 500;

// SIGTERM or SIGINT is waiting (blocked until the pause between polls): a long poll ends early.
bool stop_pending() {
    sigset_t pending;
    sigemptyset(&pending);
    sigpending(&pending);
    return sigismember(&pending, SIGTERM) == 1 || sigismember(&pending, SIGINT) == 1;
}

void log_line(std::string_view text) {
    std::fputs(fmt::format("keiji alert bridge: {}\n", text).c_str(), stderr);
    std::fflush(stderr);
}

std::string as_url(const std::string& source) {
    if (source.find("://") != std::string::npos) {
        return source;
    }
    return "file://" + std::filesystem::absolute(source).lexically_normal().string();
}

struct Validators {
    std::string etag;
    std::string last_modified;
};

// One CAP document found in this poll, with where it came from.
struct Found {
    std::string feed;  // The source it was found in.
    std::string source;
    std::string entry_key;
    std::string cap_xml;
    alert::BridgeDecision decision;
};

class Bridge {
public:
    Bridge(const BridgeOptions& options, alert::SecretKey key,
           std::optional<alert::MqttAddress> broker, alert::BridgeMemory memory)
        : m_options(options),
          m_rules{.areas = options.areas,
                  .min_severity = options.min_severity,
                  .include_drills = options.include_drills,
                  .import = {.level = options.level,
                             .sequence = std::nullopt,
                             .lasting = std::chrono::minutes{options.lasting_minutes}}},
          m_key(std::move(key)),
          m_broker(std::move(broker)),
          m_memory(std::move(memory)),
          m_fetcher(sync::FetchLimits{.connect_timeout = std::chrono::seconds{10},
                                      .stall_time = std::chrono::seconds{20},
                                      .total_timeout = std::chrono::seconds{60}}) {}

    // One round over every source. False when one could not be read.
    bool poll() {
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        m_memory.forget_old(now);
        bool every_source_read = true;
        std::vector<Found> found;
        for (const std::string& source : m_options.sources) {
            if (stop_pending()) {
                return false;
            }
            every_source_read = gather(as_url(source), found) && every_source_read;
        }
        for (Found& document : found) {
            document.decision = alert::decide_cap(document.cap_xml, m_rules, m_memory, now);
        }
        // Oldest first, each decided again after the one before is published: an Update in the
        // same feed as its alert then follows it, and the retained message is the newest.
        std::ranges::stable_sort(found, {},
                                 [](const Found& document) { return document.decision.sent; });
        std::set<std::string> unsettled;  // Feeds with something not published.
        for (Found& document : found) {
            document.decision = alert::decide_cap(document.cap_xml, m_rules, m_memory, now);
            if (!pass_on(document)) {
                unsettled.insert(document.feed);
            }
        }
        for (const Found& document : found) {
            if (unsettled.contains(document.feed)) {
                // The broker away: the whole feed is read and decided again next time (an
                // Update left out now may follow its alert then), even if it has not changed.
                m_validators.erase(document.feed);
            } else if (!document.entry_key.empty()) {
                m_handled[document.feed].insert(document.entry_key);
            }
        }
        return every_source_read;
    }

private:
    // The body of `url`, or nullopt when it has not changed since the last poll.
    model::Result<std::optional<std::string>> fetch(const std::string& url,
                                                    Validators* validators) {
        std::string body;
        sync::FetchRequest request{.url = url, .max_bytes = largest_document};
        if (validators != nullptr) {
            request.if_none_match = validators->etag;
            request.if_modified_since = validators->last_modified;
        }
        auto fetched = m_fetcher.fetch(request, [&](std::string_view part) {
            body.append(part);
            return true;
        });
        if (!fetched) {
            return model::failure(fetched.error());
        }
        if (fetched->not_modified) {
            return std::nullopt;
        }
        if (validators != nullptr) {
            *validators = {.etag = fetched->etag, .last_modified = fetched->last_modified};
        }
        return body;
    }

    bool gather(const std::string& url, std::vector<Found>& found) {
        auto body = fetch(url, &m_validators[url]);
        if (!body) {
            // The fetcher's words name the address.
            log_line(fmt::format("cannot read {}", body.error().text()));
            return false;
        }
        if (!*body) {
            return true;
        }
        auto entries = alert::read_cap_source(**body, url);
        if (!entries) {
            // Read again next time: the source may be mended.
            m_validators.erase(url);
            log_line(fmt::format("{}: {}", url, entries.error().text()));
            return false;
        }
        if (entries->size() > most_entries) {
            say_once(url + "too many", fmt::format("{}: {} entries; only the first {} are read",
                                                   url, entries->size(), most_entries));
            entries->resize(most_entries);
        }
        bool every_entry_read = true;
        // What the feed no longer lists is forgotten: the bridge's memory follows the feed.
        std::set<std::string>& handled = m_handled[url];
        std::set<std::string> listed;
        for (const alert::CapEntry& entry : *entries) {
            listed.insert(entry.key);
        }
        std::erase_if(handled, [&](const std::string& key) { return !listed.contains(key); });
        for (alert::CapEntry& entry : *entries) {
            if (stop_pending()) {
                m_validators.erase(url);
                return false;
            }
            if (handled.contains(entry.key)) {
                continue;
            }
            if (!entry.problem.empty()) {
                say_once(entry.key + entry.problem,
                         fmt::format("{}: left out: {}", url, entry.problem));
                continue;
            }
            if (entry.cap_xml.empty()) {
                auto linked = fetch(entry.cap_url, nullptr);
                if (!linked || !*linked) {
                    log_line(fmt::format(
                        "cannot read {} (linked from {})",
                        linked ? entry.cap_url + ": no body" : linked.error().text(), url));
                    every_entry_read = false;
                    m_validators.erase(url);  // Its entries are tried again next time.
                    continue;
                }
                entry.cap_xml = std::move(**linked);
            }
            found.push_back({.feed = url,
                             .source = entry.cap_url.empty() ? url : entry.cap_url,
                             .entry_key = entry.key,
                             .cap_xml = std::move(entry.cap_xml),
                             .decision = {}});
        }
        return every_entry_read;
    }

    // Publishes what the rules select. True when the document needs no more attention.
    bool pass_on(const Found& document) {
        const alert::BridgeDecision& decision = document.decision;
        const std::string name =
            decision.identifier.empty() ? document.source : decision.identifier;
        if (!decision.payload) {
            alert::remember(m_memory, decision, false);
            if (!decision.replaces.empty()) {
                save_memory();
            }
            say_once(name + decision.summary,
                     fmt::format("{} {}: {}", decision.unreadable ? "cannot use" : "left out", name,
                                 decision.summary));
            return true;
        }
        auto envelope = alert::sign_alert(*decision.payload, document.source, m_key);
        if (!envelope) {
            log_line(fmt::format("cannot sign {}: {}", name, envelope.error().front().to_string()));
            return true;
        }
        const std::string text = alert::to_json(*envelope) + "\n";
        std::vector<std::string> places;
        if (!m_options.directory.empty()) {
            if (auto written = alert::publish_to_folder(m_options.directory, text); !written) {
                log_line(fmt::format("cannot publish {}: {}", name, written.error().text()));
                return false;
            }
            places.push_back(m_options.directory);
        }
        if (m_broker) {
            if (auto sent = alert::publish_retained(*m_broker, m_options.topic, text); !sent) {
                log_line(fmt::format("cannot publish {}: {}", name, sent.error().text()));
                return false;
            }
            places.push_back(fmt::format("{} {}", m_options.broker.url, m_options.topic));
        }
        alert::remember(m_memory, decision, true);
        save_memory();
        log_line(fmt::format("published {} ({}) from {} to {}", name, decision.summary,
                             document.source, fmt::join(places, " and ")));
        for (const std::string& note : decision.notes) {
            log_line(fmt::format("  {}", note));
        }
        return true;
    }

    void save_memory() {
        if (m_options.state_file.empty()) {
            return;
        }
        if (auto saved = storage::write_file_atomically(m_options.state_file, m_memory.to_json());
            !saved) {
            log_line(fmt::format("cannot keep what was published: {}", saved.error().text()));
        }
    }

    // Left-out messages stay in a feed for hours: their reason is said once, not every poll.
    void say_once(const std::string& key, const std::string& text) {
        if (m_said.size() > 10'000) {
            m_said.clear();  // Months of reasons: said once more rather than kept for ever.
        }
        if (m_said.insert(key).second) {
            log_line(text);
        }
    }

    const BridgeOptions& m_options;
    alert::BridgeRules m_rules;
    alert::SecretKey m_key;
    std::optional<alert::MqttAddress> m_broker;
    alert::BridgeMemory m_memory;
    sync::CurlFetcher m_fetcher;
    std::map<std::string, Validators> m_validators;
    std::map<std::string, std::set<std::string>> m_handled;  // Feed → its entries dealt with.
    std::set<std::string> m_said;
};

model::Result<alert::BridgeMemory> load_memory(const std::string& file) {
    if (file.empty()) {
        return alert::BridgeMemory{};
    }
    auto text = storage::read_file_if_exists(file);
    if (!text) {
        return model::failure(text.error());
    }
    if (!*text) {
        return alert::BridgeMemory{};
    }
    auto memory = alert::BridgeMemory::parse(**text);
    if (!memory) {
        return model::failure(std::move(memory.error())
                                  .context(fmt::format("{} (move it away to start afresh)", file)));
    }
    return memory;
}

}  // namespace

int run_alert_bridge(const BridgeOptions& options, const std::string& language) {
    if (options.broker.url.empty() && options.directory.empty()) {
        return fail("alert bridge", "say where to publish: --mqtt URL and/or --dir FOLDER", 2);
    }
    auto key = alert::read_secret_key_file(options.key_file);
    if (!key) {
        return fail("alert bridge", key.error(), language);
    }
    auto memory = load_memory(options.state_file);
    if (!memory) {
        return fail("alert bridge", memory.error(), language);
    }
    std::optional<alert::MqttAddress> broker;
    if (!options.broker.url.empty()) {
        auto address = broker_address(options.broker);
        if (!address) {
            return fail("alert bridge", address.error(), language, 2);
        }
        broker = std::move(*address);
    }
    // Signals wait for the pause between polls: a publish is never cut in half.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    log_line(fmt::format(
        "{} source(s) every {} s; areas: {}; severity {} or graver{}; signing as {}{}",
        options.sources.size(), options.interval_seconds,
        options.areas.empty() ? "all" : fmt::format("{}", fmt::join(options.areas, ", ")),
        options.min_severity, options.include_drills ? ", drills too" : "", key->key_id,
        options.state_file.empty() ? " (no --state: a restart may publish again what is still "
                                     "in a feed; screens refuse such replays)"
                                   : ""));
    Bridge bridge(options, std::move(*key), std::move(broker), std::move(*memory));
    while (true) {
        const bool every_source_read = bridge.poll();
        if (options.once) {
            return every_source_read ? 0 : 1;
        }
        const timespec pause{.tv_sec = options.interval_seconds, .tv_nsec = 0};
        if (sigtimedwait(&stop_signals, nullptr, &pause) > 0) {
            log_line("stopped");
            return 0;
        }
    }
}

}  // namespace keiji::cli
