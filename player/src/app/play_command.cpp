#include "app/play_command.hpp"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "app/alert_stage.hpp"
#include "app/config_loader.hpp"
#include "app/content_loader.hpp"
#include "app/content_source.hpp"
#include "app/kiosk.hpp"
#include "app/log.hpp"
#include "app/play_session.hpp"
#include "app/player.hpp"
#include "app/reload_signal.hpp"
#include "model/time.hpp"
#include "render/screen.hpp"
#include "render/transition.hpp"
#include "sync/sync_worker.hpp"
#include "sync/url.hpp"

namespace keiji::app {

namespace {

std::atomic<bool> g_stop_requested{false};

extern "C" void request_stop(int) {
    g_stop_requested = true;
}

// SDL, SDL_ttf and SDL_image live exactly as long as this object.
class SdlSession {
public:
    explicit SdlSession(Uint32 subsystems) {
        m_ok = SDL_Init(subsystems) == 0 && TTF_Init() == 0;
        IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    }
    ~SdlSession() {
        IMG_Quit();
        TTF_Quit();
        SDL_Quit();
    }
    SdlSession(const SdlSession&) = delete;
    SdlSession& operator=(const SdlSession&) = delete;
    [[nodiscard]] bool ok() const { return m_ok; }

private:
    bool m_ok = false;
};

std::optional<std::chrono::system_clock::time_point> start_time(const PlayOptions& options) {
    if (!options.at) {
        return std::chrono::system_clock::now();
    }
    const auto parsed = model::parse_timestamp(*options.at);
    if (!parsed) {
        return std::nullopt;
    }
    return std::chrono::system_clock::time_point{*parsed};
}

int run_headless(PlaySession& session, ReloadSignal& reload, AlertRuntime* alerts,
                 KioskServices& services, const PlayOptions& options,
                 std::chrono::system_clock::time_point start) {
    render::Screen& screen = session.screen();
    std::error_code error;
    if (!options.discard_frames) {
        std::filesystem::create_directories(options.out_directory, error);
    }
    if (error) {
        log(Priority::error, "play",
            fmt::format("cannot create the output folder {}: {}", options.out_directory,
                        error.message()));
        return 1;
    }
    VirtualClock clock(start);
    // --realtime runs on the real clocks, so alerts arriving over the network meet the frames.
    const auto now = [&] { return options.realtime ? read_clocks() : clock.now(); };
    const auto end =
        now().monotonic + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(options.seconds.value_or(1e9)));
    // A cycle ends when an item comes round again; items that are not eligible do not count.
    std::set<std::string> shown_this_cycle;
    int cycles_done = 0;
    // Counted whether or not PNGs are written: a long run's log says how far the content got.
    std::size_t slides = 0;
    std::size_t alert_frames = 0;
    const auto save = [&](const std::string& name) {
        if (options.discard_frames) {
            return true;
        }
        auto saved = screen.save_png(name);
        if (!saved) {
            log(Priority::error, "play", saved.error());
        }
        return saved.has_value();
    };
    while (!g_stop_requested && now().monotonic <= end) {
        if (reload.take_request()) {
            session.reload(now());
        }
        const StageResult shown = session.update(now());
        if (session.broken()) {
            services.finish(now());
            return 1;
        }
        services.after_update(shown, now());
        const UpdateResult& result = shown.content;
        if (shown.alert_frame) {
            ++alert_frames;
            if (!save(fmt::format("{}/{:04}-alert-{}-{}.png", options.out_directory,
                                  slides + alert_frames, shown.alert_id, shown.alert_language))) {
                return 1;
            }
        }
        if (result.slide_settled) {
            if (!shown_this_cycle.insert(result.item_id).second) {
                ++cycles_done;
                if (options.cycles && cycles_done >= *options.cycles) {
                    break;
                }
                shown_this_cycle = {result.item_id};
            }
            ++slides;
            if (!save(fmt::format("{}/{:04}-{}.png", options.out_directory, slides + alert_frames,
                                  result.item_id.empty() ? std::string("idle") : result.item_id))) {
                return 1;
            }
        }
        if (!options.realtime) {
            clock.advance_to(shown.next_deadline);
            continue;
        }
        // Real time: sleep until the deadline, an alert delivery, or a quarter second (so a
        // signal stops the run promptly; this mode is for tests and benchmarks).
        const auto wake = std::min(
            {shown.next_deadline, end, read_clocks().monotonic + std::chrono::milliseconds(250)});
        if (alerts != nullptr) {
            alerts->mailbox().wait_until(wake);
        } else {
            std::this_thread::sleep_until(wake);
        }
    }
    services.finish(now());
    log(Priority::info, "play",
        fmt::format("presented {} slides and {} alert frames; {}", slides, alert_frames,
                    options.discard_frames
                        ? std::string("no PNG written (--discard-frames)")
                        : fmt::format("wrote {} frames to {}", slides + alert_frames,
                                      options.out_directory)));
    return 0;
}

int run_window(PlaySession& session, ReloadSignal& reload, KioskServices& services,
               const PlayOptions& options) {
    if (options.fullscreen) {
        SDL_ShowCursor(SDL_DISABLE);
    }
    // A lobby screen must never blank or go to sleep while it plays.
    SDL_DisableScreenSaver();
    // Under systemd's watchdog the loop wakes at least twice per WatchdogSec, still slide or not.
    const long long longest_sleep = services.max_sleep().value_or(std::chrono::seconds(60)).count();
    while (!g_stop_requested) {
        if (reload.take_request()) {
            session.reload(read_clocks());
        }
        const Instant now = read_clocks();
        const StageResult result = session.update(now);
        if (session.broken()) {
            services.finish(read_clocks());
            return 1;
        }
        services.after_update(result, now);
        const auto wait = std::chrono::ceil<std::chrono::milliseconds>(result.next_deadline -
                                                                       read_clocks().monotonic);
        SDL_Event event;
        // Sleep until the next deadline or the next event: a still slide costs no CPU.
        if (SDL_WaitEventTimeout(&event,
                                 int(std::clamp<long long>(wait.count(), 1, longest_sleep))) == 0) {
            continue;
        }
        do {
            switch (event.type) {
                case SDL_QUIT:
                    services.finish(read_clocks());
                    return 0;
                case SDL_KEYDOWN:
                    if (!options.fullscreen &&
                        (event.key.keysym.sym == SDLK_ESCAPE || event.key.keysym.sym == SDLK_q)) {
                        services.finish(read_clocks());
                        return 0;
                    }
                    break;
                case SDL_WINDOWEVENT:
                    session.invalidate();
                    break;
                case SDL_RENDER_TARGETS_RESET:
                case SDL_RENDER_DEVICE_RESET:
                    session.renderer_reset(read_clocks());
                    break;
                default:
                    // The alert channels' and SIGHUP's wake event: the loop's next turn sees why.
                    break;
            }
        } while (SDL_PollEvent(&event) != 0);
    }
    services.finish(read_clocks());
    return 0;
}

// The alert runtime for `keiji play`, or null when alerts are not configured (no key file).
std::expected<std::unique_ptr<AlertRuntime>, std::string> start_alerts(const PlayOptions& options,
                                                                       model::TimePoint now) {
    AlertSettings settings;
    settings.state_directory = options.state_directory;
    if (options.alert_keys) {
        settings.keys_file = *options.alert_keys;
    } else if (!options.config_alert_keys.empty()) {
        nlohmann::json keys = {{"keys", nlohmann::json::array()}};
        for (const model::PublicKey& key : options.config_alert_keys) {
            keys["keys"].push_back({{"key_id", key.key_id}, {"public_key", key.public_key}});
        }
        settings.keys_text = keys.dump();
        settings.keys_file = options.config_file.value_or("keiji.json");
    } else if (std::error_code error; !std::filesystem::exists(settings.keys_file, error)) {
        log(Priority::info, "alert",
            fmt::format("alerts are off: no trusted keys ({} does not exist; see keiji alert "
                        "--help)",
                        settings.keys_file.string()));
        return nullptr;
    }
    settings.mqtt_url = options.mqtt_url;
    settings.mqtt_topic = options.mqtt_topic;
    settings.alert_url = options.alert_url;
    settings.poll_interval =
        std::chrono::milliseconds(std::llround(options.alert_poll_seconds * 1000));
    return AlertRuntime::create(std::move(settings), now);
}

// Without a GPU (no DRM render node: Xvfb, a VM, a board whose driver is missing) SDL's OpenGL
// renderer runs on the CPU through Mesa's llvmpipe: measured under Xvfb (make bench), that costs
// about 75 MiB more, a slower start and more CPU per crossfade than SDL's own software renderer.
// An SDL_RENDER_DRIVER set by the operator still wins.
void prefer_software_rendering_without_gpu() {
    if (std::getenv("SDL_RENDER_DRIVER") != nullptr) {
        return;
    }
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/dev/dri", error)) {
        if (entry.path().filename().string().starts_with("renderD")) {
            return;
        }
    }
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    log(Priority::info, "render",
        "no GPU render node in /dev/dri: drawing with SDL's software renderer (set "
        "SDL_RENDER_DRIVER to choose another)");
}

// The feed's sync worker, or null when no feed is configured.
std::expected<std::unique_ptr<sync::SyncWorker>, std::string> start_sync(
    const PlayOptions& options, std::function<void()> wake) {
    if (options.feed.empty()) {
        return nullptr;
    }
    auto url = sync::feed_location_to_url(options.feed);
    if (!url) {
        return std::unexpected(fmt::format("the feed address: {}", url.error()));
    }
    sync::SyncWorkerSettings settings{
        .sync = {.feed_url = *url, .keys = options.feed_keys},
        .poll_interval = std::chrono::milliseconds(std::llround(options.feed_poll_seconds * 1000)),
        .cache_budget_bytes = options.cache_budget_mb << 20};
    log(Priority::info, "sync",
        fmt::format("syncing {} every {} s into {}", *url, options.feed_poll_seconds,
                    options.cache_directory));
    return std::make_unique<sync::SyncWorker>(
        sync::ObjectStore(options.cache_directory), std::move(settings),
        [] {
            return std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                .count();
        },
        std::move(wake),
        [](bool failure, const std::string& message) {
            log(failure ? Priority::warning : Priority::info, "sync", message);
        });
}

}  // namespace

int run_play(const PlayOptions& given) {
    PlayOptions options = given;
    if (given.config_file) {
        if (const auto config = load_config_file(*given.config_file)) {
            options = with_config(given, *config);
        }
    }
    options.content = resolve_content_path(options.content);
    const auto transition = render::parse_transition(options.transition);
    if (!transition) {
        log(Priority::error, "play",
            fmt::format("--transition \"{}\" is unknown; use crossfade, cut or slide",
                        options.transition));
        return 2;
    }
    const auto start = start_time(options);
    if (!start) {
        log(Priority::error, "play",
            fmt::format("--at \"{}\" is not a date and time; write it like "
                        "2025-11-29T10:00:00+09:00",
                        *options.at));
        return 2;
    }
    const date::time_zone* zone = nullptr;
    try {
        zone = date::locate_zone("Asia/Tokyo");
    } catch (const std::exception& error) {
        log(Priority::error, "play",
            fmt::format("the time zone Asia/Tokyo is unknown ({}); is tzdata installed?",
                        error.what()));
        return 1;
    }

    // From the cache when a feed is configured (its last good feed, at once, network or not),
    // else the bundled playlists.
    LoadedContent content = load_screen_content(content_source_of(options));
    for (const model::Error& problem : content.problems) {
        log(Priority::warning, "content", problem.to_string());
    }
    log(Priority::info, "content",
        fmt::format("{} items from {} playlist(s): {}", content.items.size(),
                    content.playlist_files.size(), content.origin));

    // With video, SDL installs SIGINT/SIGTERM handlers that post SDL_QUIT, which also wakes the
    // event wait at once; it only does so when no handler of ours is there. The headless run has
    // no event queue, so it gets ours.
    if (options.headless) {
        std::signal(SIGTERM, request_stop);
        std::signal(SIGINT, request_stop);
    }
    if (!options.headless) {
        prefer_software_rendering_without_gpu();
    }
    SdlSession sdl(options.headless ? 0 : SDL_INIT_VIDEO);
    if (!sdl.ok()) {
        log(Priority::error, "play",
            fmt::format("cannot start SDL: {}{}", SDL_GetError(),
                        options.headless ? "" : " (no display? try --headless --out DIR)"));
        return 1;
    }
    auto fonts = render::FontSet::create(render::FontSet::chain_for_language(options.language));
    if (!fonts) {
        log(Priority::error, "render", fonts.error());
        return 1;
    }

    const Instant first =
        options.headless && !options.realtime ? VirtualClock(*start).now() : read_clocks();
    auto alerts = start_alerts(options, std::chrono::floor<std::chrono::seconds>(first.wall));
    if (!alerts) {
        log(Priority::error, "alert", alerts.error());
        return 1;
    }
    // The wake-up for the window's event wait: alert channels, SIGHUP and the sync worker post
    // a user event (SDL_PushEvent is thread-safe); the headless loop waits on the mailbox or
    // polls.
    const Uint32 wake_event = options.headless ? 0 : SDL_RegisterEvents(1);
    auto wake = [wake_event] {
        if (wake_event != 0 && wake_event != Uint32(-1)) {
            SDL_Event event{};
            event.type = wake_event;
            SDL_PushEvent(&event);
        }
    };
    auto sync = start_sync(options, wake);
    if (!sync) {
        log(Priority::error, "sync", sync.error());
        return 2;
    }
    // A headless preview keeps no proof of play unless a state directory is named for it.
    const bool default_state = options.state_directory == PlayOptions{}.state_directory;
    KioskServices services(
        {.screen_id = options.screen_id,
         .language = options.language,
         .state_directory = options.headless && default_state ? "" : options.state_directory,
         .zone = zone,
         .last_sync =
             [worker = sync->get()] {
                 return worker != nullptr ? worker->last_success() : std::nullopt;
             },
         .active_alerts =
             [runtime = alerts->get()] {
                 std::vector<std::string> identifiers;
                 if (runtime != nullptr) {
                     for (const alert::Alert& active : runtime->active()) {
                         identifiers.push_back(active.identifier);
                     }
                 }
                 return identifiers;
             }},
        content.items);
    auto session = PlaySession::open(PlaySession::Setup{.given = given,
                                                        .options = options,
                                                        .zone = zone,
                                                        .alerts = alerts->get(),
                                                        .services = &services,
                                                        .sync = sync->get()},
                                     std::move(content), std::move(*fonts), first);
    if (!session) {
        log(Priority::error, "play", session.error());
        return 1;
    }
    if ((*session)->restored_alert_shown() && options.headless && !options.discard_frames) {
        std::error_code error;
        std::filesystem::create_directories(options.out_directory, error);
        (void)(*session)->screen().save_png(
            fmt::format("{}/0000-alert-restored.png", options.out_directory));
    }

    if (*alerts) {
        if (auto started = (*alerts)->start_channels(wake); !started) {
            log(Priority::error, "alert", started.error());
            return 1;
        }
    }
    ReloadSignal reload(wake);
    return options.headless
               ? run_headless(**session, reload, alerts->get(), services, options, *start)
               : run_window(**session, reload, services, options);
}

}  // namespace keiji::app
