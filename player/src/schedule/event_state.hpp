#pragma once

#include <date/tz.h>

#include "model/event_state.hpp"
#include "model/item.hpp"

namespace keiji::schedule {

using model::EventPhase;
using model::EventState;

// What an event is at `now`, in the ward's time zone.
[[nodiscard]] EventState event_state(const model::EventContent& event, model::TimePoint now,
                                     const date::time_zone& zone);

// True when the event should be on screen at `now` (announced and not ended).
[[nodiscard]] bool is_event_visible(const EventState& state);

}  // namespace keiji::schedule
