#pragma once

#include "kiosk/alert_runtime.hpp"
#include "kiosk/kiosk_services.hpp"
#include "kiosk/reload_signal.hpp"
#include "kiosk/startup_timeline.hpp"
#include "model/clock.hpp"
#include "play/play_session.hpp"
#include "play/settings.hpp"

namespace keiji::play {

// What both main loops drive.
struct Loop {
    PlaySession& session;
    kiosk::ReloadSignal& reload;
    kiosk::AlertRuntime* alerts;  // Null when alerts are off.
    kiosk::KioskServices& services;
    const Settings& settings;
    kiosk::StartupTimeline* startup = nullptr;  // Logged at the first frame; may be null.
};

// SIGTERM and SIGINT end the headless loop cleanly (a window gets them from SDL as SDL_QUIT).
void stop_on_signals();

// A window (or the full screen): sleeps in SDL_WaitEventTimeout until the next deadline or
// event, so a still slide costs no CPU. Returns the exit code.
[[nodiscard]] int run_window(Loop loop, model::Clock& clock);

// Headless: writes the frame of each change as a PNG. On a virtual clock (`advance` set) time
// jumps from deadline to deadline, so a day renders in seconds; on the real clock (--realtime)
// it waits like a window, for alerts arriving over the network.
[[nodiscard]] int run_headless(Loop loop, model::Clock& clock, model::VirtualClock* advance);

}  // namespace keiji::play
