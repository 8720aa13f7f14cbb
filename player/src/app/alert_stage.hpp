#pragma once

#include <chrono>
#include <string>

#include "app/alert_runtime.hpp"
#include "app/alert_takeover.hpp"
#include "app/instant.hpp"
#include "app/player.hpp"

namespace keiji::app {

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
    Stage(Player& player, AlertTakeover& takeover, AlertRuntime* runtime)
        : m_player(player), m_takeover(takeover), m_runtime(runtime) {}

    StageResult update(const Instant& now);
    void invalidate() {
        m_player.invalidate();
        m_takeover.invalidate();
    }

private:
    Player& m_player;
    AlertTakeover& m_takeover;
    AlertRuntime* m_runtime;
    bool m_was_alert = false;
    bool m_takeover_prepared = false;
};

// Shows the alerts already active in `runtime` (restored from the state directory) before
// anything else is drawn. Returns true when an alert frame was presented.
bool show_restored_alerts(AlertRuntime* runtime, AlertTakeover& takeover, const Instant& now);

}  // namespace keiji::app
