#include "play/event_loops.hpp"

#include <SDL.h>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <set>
#include <thread>

#include "kiosk/log.hpp"

namespace keiji::play {

namespace {

std::atomic<bool> g_stop_requested{false};

// The first frame ends the start-up: where its time went goes to the journal, once.
void note_first_frame(const Loop& loop, const StageResult& shown) {
    if (loop.startup == nullptr || !(shown.content.presented || shown.alert_frame)) {
        return;
    }
    if (auto line = loop.startup->first_frame(std::chrono::steady_clock::now())) {
        kiosk::log(kiosk::Priority::info, "play", *line);
    }
}

extern "C" void request_stop(int) {
    g_stop_requested = true;
}

}  // namespace

void stop_on_signals() {
    std::signal(SIGTERM, request_stop);
    std::signal(SIGINT, request_stop);
}

int run_headless(Loop loop, model::Clock& clock, model::VirtualClock* advance) {
    const Settings& settings = loop.settings;
    if (!settings.discard_frames) {
        std::error_code error;
        std::filesystem::create_directories(settings.out_directory, error);
        if (error) {
            kiosk::log(kiosk::Priority::error, "play",
                       fmt::format("cannot create the output folder {}: {}", settings.out_directory,
                                   error.message()));
            return 1;
        }
    }
    const auto end =
        clock.now().monotonic + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                    std::chrono::duration<double>(settings.seconds.value_or(1e9)));
    // A cycle ends when an item comes round again; items that are not eligible do not count.
    std::set<std::string> shown_this_cycle;
    int cycles_done = 0;
    // Counted whether or not PNGs are written: a long run's log says how far the content got.
    std::size_t slides = 0;
    std::size_t alert_frames = 0;
    const auto save = [&](const std::string& name) {
        if (settings.discard_frames) {
            return true;
        }
        auto saved = loop.session.screen().save_png(name);
        if (!saved) {
            kiosk::log(kiosk::Priority::error, "play", saved.error().text());
        }
        return saved.has_value();
    };
    while (!g_stop_requested && clock.now().monotonic <= end) {
        if (loop.reload.take_request()) {
            loop.session.reload(clock.now());
        }
        const model::Instant now = clock.now();
        const StageResult shown = loop.session.update(now);
        note_first_frame(loop, shown);
        if (loop.session.broken()) {
            loop.services.finish(clock.now());
            return 1;
        }
        loop.services.after_update(on_screen(shown), now);
        const UpdateResult& result = shown.content;
        if (shown.alert_frame) {
            ++alert_frames;
            if (!save(fmt::format("{}/{:04}-alert-{}-{}.png", settings.out_directory,
                                  slides + alert_frames, shown.alert_id, shown.alert_language))) {
                return 1;
            }
        }
        if (result.slide_settled) {
            if (!shown_this_cycle.insert(result.item_id).second) {
                ++cycles_done;
                if (settings.cycles && cycles_done >= *settings.cycles) {
                    break;
                }
                shown_this_cycle = {result.item_id};
            }
            ++slides;
            if (!save(fmt::format("{}/{:04}-{}.png", settings.out_directory, slides + alert_frames,
                                  result.item_id.empty() ? std::string("idle") : result.item_id))) {
                return 1;
            }
        }
        if (advance != nullptr) {
            advance->advance_to(shown.next_deadline);
            continue;
        }
        // Real time: sleep until the deadline, an alert delivery, or a quarter second (so a
        // signal stops the run promptly; this mode is for tests and benchmarks).
        const auto wake = std::min(
            {shown.next_deadline, end, clock.now().monotonic + std::chrono::milliseconds(250)});
        if (loop.alerts != nullptr) {
            loop.alerts->mailbox().wait_until(wake);
        } else {
            std::this_thread::sleep_until(wake);
        }
    }
    loop.services.finish(clock.now());
    kiosk::log(kiosk::Priority::info, "play",
               fmt::format("presented {} slides and {} alert frames; {}", slides, alert_frames,
                           settings.discard_frames
                               ? std::string("no PNG written (--discard-frames)")
                               : fmt::format("wrote {} frames to {}", slides + alert_frames,
                                             settings.out_directory)));
    return 0;
}

int run_window(Loop loop, model::Clock& clock) {
    if (loop.settings.fullscreen) {
        SDL_ShowCursor(SDL_DISABLE);
    }
    // A lobby screen must never blank or go to sleep while it plays.
    SDL_DisableScreenSaver();
    // Under systemd's watchdog the loop wakes at least twice per WatchdogSec, still slide or not.
    const long long longest_sleep =
        loop.services.max_sleep().value_or(std::chrono::seconds(60)).count();
    while (true) {
        if (loop.reload.take_request()) {
            loop.session.reload(clock.now());
        }
        const model::Instant now = clock.now();
        const StageResult result = loop.session.update(now);
        note_first_frame(loop, result);
        if (loop.session.broken()) {
            loop.services.finish(clock.now());
            return 1;
        }
        loop.services.after_update(on_screen(result), now);
        const auto wait = std::chrono::ceil<std::chrono::milliseconds>(result.next_deadline -
                                                                       clock.now().monotonic);
        SDL_Event event;
        // Sleep until the next deadline or the next event: a still slide costs no CPU.
        if (SDL_WaitEventTimeout(&event,
                                 int(std::clamp<long long>(wait.count(), 1, longest_sleep))) == 0) {
            continue;
        }
        do {
            switch (event.type) {
                case SDL_QUIT:
                    loop.services.finish(clock.now());
                    return 0;
                case SDL_KEYDOWN:
                    if (!loop.settings.fullscreen &&
                        (event.key.keysym.sym == SDLK_ESCAPE || event.key.keysym.sym == SDLK_q)) {
                        loop.services.finish(clock.now());
                        return 0;
                    }
                    break;
                case SDL_WINDOWEVENT:
                    loop.session.invalidate();
                    break;
                case SDL_RENDER_TARGETS_RESET:
                case SDL_RENDER_DEVICE_RESET:
                    loop.session.renderer_reset(clock.now());
                    break;
                default:
                    // The alert channels' and SIGHUP's wake event: the loop's next turn sees why.
                    break;
            }
        } while (SDL_PollEvent(&event) != 0);
    }
}

}  // namespace keiji::play
