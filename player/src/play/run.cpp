#include "play/run.hpp"

#include <SDL.h>
#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>

#include "kiosk/log.hpp"
#include "play/content_source.hpp"
#include "play/event_loops.hpp"
#include "play/real_clock.hpp"
#include "play/settings_file.hpp"
#include "render/sdl_runtime.hpp"
#include "schedule/local_time.hpp"
#include "sync/curl_fetcher.hpp"
#include "sync/url.hpp"

namespace keiji::play {

namespace {

// The alert runtime, or null when alerts are not configured (no trusted keys anywhere).
model::Result<std::unique_ptr<kiosk::AlertRuntime>> start_alerts(const Settings& settings,
                                                                 model::Clock& clock) {
    kiosk::AlertSettings alerts{.state_directory = settings.state_directory,
                                .keys_file = settings.alert_keys_file,
                                .mqtt_url = settings.mqtt_url,
                                .mqtt_topic = settings.mqtt_topic,
                                .mqtt_username = settings.mqtt_username,
                                .mqtt_password_file = settings.mqtt_password_file,
                                .mqtt_ca_file = settings.mqtt_ca_file,
                                .screen_id = settings.screen_id,
                                .screen_tags = settings.screen_tags,
                                .alert_url = settings.alert_url,
                                .poll_interval = std::chrono::milliseconds(
                                    std::llround(settings.alert_poll_seconds * 1000))};
    if (alerts.keys_file.empty() && !settings.alert_keys.empty()) {
        nlohmann::json keys = {{"keys", nlohmann::json::array()}};
        for (const model::PublicKey& key : settings.alert_keys) {
            keys["keys"].push_back({{"key_id", key.key_id}, {"public_key", key.public_key}});
        }
        alerts.keys_text = keys.dump();
        alerts.keys_file = settings.config_file.empty() ? "keiji.json" : settings.config_file;
    } else if (alerts.keys_file.empty()) {
        alerts.keys_file = default_alert_keys_file;
        if (std::error_code error; !std::filesystem::exists(alerts.keys_file, error)) {
            kiosk::log(kiosk::Priority::info, "alert",
                       fmt::format("alerts are off: no trusted keys ({} does not exist; see keiji "
                                   "alert --help)",
                                   alerts.keys_file.string()));
            return nullptr;
        }
    }
    return kiosk::AlertRuntime::create(std::move(alerts), clock);
}

// Without a GPU (no DRM render node: Xvfb, a VM, a board whose driver is missing) SDL's OpenGL
// renderer runs on the CPU through Mesa's llvmpipe: measured under Xvfb (make bench), that costs
// about 75 MiB more, a slower start and more CPU per crossfade than SDL's own software renderer.
// An SDL_RENDER_DRIVER set by the operator still wins.
void prefer_software_rendering_without_gpu() {
    if (std::getenv("SDL_RENDER_DRIVER") != nullptr) {
        return;
    }
    if (render::has_render_node()) {
        return;
    }
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    kiosk::log(kiosk::Priority::info, "render",
               "no GPU render node in /dev/dri: drawing with SDL's software renderer (set "
               "SDL_RENDER_DRIVER to choose another)");
}

// The feed's sync worker, or null when no feed is configured.
model::Result<std::unique_ptr<sync::SyncWorker>> start_sync(const Settings& settings,
                                                            model::Clock& clock,
                                                            std::function<double()> random01,
                                                            std::function<void()> wake) {
    if (settings.feed.empty()) {
        return nullptr;
    }
    auto url = sync::feed_location_to_url(settings.feed);
    if (!url) {
        return model::failure(std::move(url.error()).context("the feed address"));
    }
    sync::SyncWorkerSettings worker{
        .sync = {.feed_url = *url, .keys = settings.feed_keys},
        .poll_interval = std::chrono::seconds(settings.feed_poll_seconds),
        .cache_budget_bytes = settings.cache_budget_mb << 20};
    kiosk::log(kiosk::Priority::info, "sync",
               fmt::format("syncing {} every {} s into {}", *url, settings.feed_poll_seconds,
                           settings.cache_directory));
    auto fetcher = std::make_unique<sync::CurlFetcher>(worker.limits);
    return std::make_unique<sync::SyncWorker>(
        sync::ObjectStore(settings.cache_directory), std::move(worker),
        sync::SyncWorker::Services{.clock = clock,
                                   .random01 = std::move(random01),
                                   .fetcher = std::move(fetcher),
                                   .wake = std::move(wake),
                                   .log = [](bool failure, const std::string& message) {
                                       kiosk::log(failure ? kiosk::Priority::warning
                                                          : kiosk::Priority::info,
                                                  "sync", message);
                                   }});
}

// The backoff's jitter: from the system's entropy on the real clock; a fixed sequence on a
// virtual one, so a simulated run is the same every time.
std::function<double()> jitter_for(bool simulated) {
    auto generator = std::make_shared<std::minstd_rand>(simulated ? 1u : std::random_device{}());
    return [generator] { return std::uniform_real_distribution<double>(0.0, 1.0)(*generator); };
}

}  // namespace

int run(const SettingsLayer& command_line) {
    const auto phase_end = [] { return std::chrono::steady_clock::now(); };
    kiosk::StartupTimeline startup(phase_end(), kiosk::process_age());
    const LoadedSettings loaded = load_settings(command_line);
    log_settings_problems(loaded.problems, loaded.file_unusable, /*at_start=*/true);
    const Settings& settings = loaded.settings.values;
    const auto zone = schedule::find_time_zone();
    if (!zone) {
        kiosk::log(kiosk::Priority::error, "play", zone.error().text());
        return 1;
    }
    // The clock: simulated for a headless run (a day in seconds), else the real one, running
    // from --at when it is given.
    const bool simulated = settings.headless && !settings.realtime;
    const auto now = std::chrono::system_clock::now();
    std::optional<model::VirtualClock> virtual_clock;
    std::optional<RealClock> real_clock;
    if (simulated) {
        virtual_clock.emplace(settings.at.value_or(std::chrono::floor<std::chrono::seconds>(now)));
    } else {
        real_clock.emplace(settings.at ? std::chrono::system_clock::time_point(*settings.at) - now
                                       : std::chrono::system_clock::duration{});
    }
    model::Clock& clock = simulated ? static_cast<model::Clock&>(*virtual_clock) : *real_clock;
    startup.mark("settings", phase_end());

    // From the cache when a feed is configured (its last good feed, at once, network or not),
    // else the bundled playlists.
    LoadedContent content = load_screen_content(content_source_of(settings));
    log_content(content);
    startup.mark("content", phase_end());
    // The first slide's photo decodes on a worker while SDL starts and the window opens.
    std::string first =
        first_photo(content, **zone, std::chrono::floor<std::chrono::seconds>(clock.now().wall));
    render::PhotoDecode first_decode =
        first.empty() ? render::PhotoDecode{} : render::decode_in_background(first);

    // With a window, SDL turns SIGINT/SIGTERM into SDL_QUIT, which also wakes the event wait at
    // once (only when no handler of ours is there). The headless run has no event queue.
    if (settings.headless) {
        stop_on_signals();
    } else {
        prefer_software_rendering_without_gpu();
    }
    const render::SdlRuntime sdl(settings.headless ? render::SdlVideo::off_screen
                                                   : render::SdlVideo::display);
    if (!sdl.failure().empty()) {
        kiosk::log(kiosk::Priority::error, "play",
                   fmt::format("cannot start SDL: {}{}", sdl.failure(),
                               settings.headless ? "" : " (no display? try --headless --out DIR)"));
        return 1;
    }
    startup.mark("SDL", phase_end());
    auto fonts = render::FontSet::create(render::FontSet::chain_for_language(settings.language()));
    if (!fonts) {
        kiosk::log(kiosk::Priority::error, "render", fonts.error().text());
        return 1;
    }
    startup.mark("fonts", phase_end());
    auto alerts = start_alerts(settings, clock);
    if (!alerts) {
        kiosk::log(kiosk::Priority::error, "alert", alerts.error().text());
        return 1;
    }
    // The wake-up for the window's event wait: alert channels, SIGHUP and the sync worker post
    // a user event (SDL_PushEvent is thread-safe); the headless loop waits on the mailbox or
    // polls.
    const Uint32 wake_event = settings.headless ? 0 : SDL_RegisterEvents(1);
    auto wake = [wake_event] {
        if (wake_event != 0 && wake_event != Uint32(-1)) {
            SDL_Event event{};
            event.type = wake_event;
            SDL_PushEvent(&event);
        }
    };
    auto sync = start_sync(settings, clock, jitter_for(simulated), wake);
    if (!sync) {
        kiosk::log(kiosk::Priority::error, "sync", sync.error().text());
        return 2;
    }
    // A headless preview keeps no proof of play unless a state directory is named for it.
    const bool state_named = loaded.settings.origin.at("state_directory") != Origin::built_in;
    kiosk::KioskServices services(
        {.screen_id = settings.screen_id,
         .language = settings.language(),
         .state_directory = settings.headless && !state_named ? "" : settings.state_directory,
         .zone = *zone,
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
             },
         .receipts =
             [runtime = alerts->get()] {
                 return runtime != nullptr ? runtime->receipts() : std::vector<alert::Receipt>{};
             },
         .tags = settings.screen_tags,
         .report_status =
             [runtime = alerts->get()](std::string status) {
                 if (runtime != nullptr) {
                     runtime->report_status(std::move(status));
                 }
             },
         .alert_shown =
             [runtime = alerts->get()](const std::string& identifier, model::TimePoint at) {
                 if (runtime != nullptr) {
                     runtime->confirm_shown(identifier, at);
                 }
             }},
        content.items);
    startup.mark("alerts and sync", phase_end());
    auto session =
        PlaySession::open(PlaySession::Setup{.command_line = command_line,
                                             .settings = settings,
                                             .zone = *zone,
                                             .alerts = alerts->get(),
                                             .services = &services,
                                             .sync = sync->get(),
                                             .first_photo = std::move(first),
                                             .first_photo_decode = std::move(first_decode)},
                          std::move(content), std::move(*fonts), clock.now());
    if (!session) {
        kiosk::log(kiosk::Priority::error, "play", session.error().text());
        return 1;
    }
    startup.mark("window, renderer and player", phase_end());
    if ((*session)->restored_alert_shown() && settings.headless && !settings.discard_frames) {
        std::error_code error;
        std::filesystem::create_directories(settings.out_directory, error);
        if (auto saved = (*session)->screen().save_png(
                fmt::format("{}/0000-alert-restored.png", settings.out_directory));
            !saved) {
            kiosk::log(kiosk::Priority::error, "play", saved.error().text());
        }
    }
    if (*alerts) {
        if (auto started = (*alerts)->start_channels(wake); !started) {
            kiosk::log(kiosk::Priority::error, "alert", started.error().text());
            return 1;
        }
    }
    kiosk::ReloadSignal reload(wake);
    const Loop loop{.session = **session,
                    .reload = reload,
                    .alerts = alerts->get(),
                    .services = services,
                    .settings = settings,
                    .startup = &startup};
    return settings.headless ? run_headless(loop, clock, simulated ? &*virtual_clock : nullptr)
                             : run_window(loop, clock);
}

}  // namespace keiji::play
