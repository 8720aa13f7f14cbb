#pragma once

#include "model/item.hpp"

namespace keiji::model {

enum class EventPhase {
    not_announced,  // Earlier than announce_days before the first session: not shown.
    upcoming,       // Announced; the next session is on a later local day (あと N 日).
    today,          // A session is later today (本日開催).
    running,        // A session is under way (開催中).
    ended,          // The last session is over: not shown.
};

// What an event is at one moment; computed by the schedule module, drawn by the renderer.
struct EventState {
    EventPhase phase = EventPhase::ended;
    int days_until = 0;             // Local calendar days until the next session (0 today).
    const Session* next = nullptr;  // The running or next session; nullptr when ended.
};

}  // namespace keiji::model
