#pragma once

#include <chrono>
#include <string>

#include "kiosk/alert_runtime.hpp"
#include "kiosk/kiosk_services.hpp"
#include "model/clock.hpp"
#include "play/alert_takeover.hpp"
#include "play/player.hpp"

namespace keiji::play {

// What one turn of the main loop showed.
struct StageResult {
    UpdateResult content;      // What the player did (nothing while an alert is on screen).
    bool alert_frame = false;  // A new alert frame was presented.
    std::string alert_id;      // The alert on screen, "" when none.
    std::string alert_language;
    std::chrono::steady_clock::time_point next_deadline;
};

// The screen's two actors: the alert takeover when an alert is active, normal content
// otherwise. An accepted alert takes over in the same turn it arrives; when the last one ends,
// content comes back with a crossfade from the alert frame.
class Stage {
public:
    // `runtime` may be null (alerts not configured); then this is just the player.
    Stage(Player& player, AlertTakeover& takeover, kiosk::AlertRuntime* runtime)
        : m_player(player), m_takeover(takeover), m_runtime(runtime) {}

    StageResult update(const model::Instant& now);
    void invalidate() {
        m_player.invalidate();
        m_takeover.invalidate();
    }

private:
    Player& m_player;
    AlertTakeover& m_takeover;
    kiosk::AlertRuntime* m_runtime;
    bool m_was_alert = false;
    bool m_takeover_prepared = false;
};

// What the kiosk records of a turn (proof of play, status, the watchdog).
[[nodiscard]] kiosk::OnScreen on_screen(const StageResult& shown);

// Shows the alerts already active in `runtime` (restored from the state directory) before
// anything else is drawn. Returns true when an alert frame was presented.
bool show_restored_alerts(kiosk::AlertRuntime* runtime, AlertTakeover& takeover,
                          const model::Instant& now);

}  // namespace keiji::play
