#include "schedule/event_state.hpp"

#include "schedule/local_time.hpp"

namespace keiji::schedule {

EventState event_state(const model::EventContent& event, model::TimePoint now,
                       const date::time_zone& zone) {
    EventState state;
    if (event.sessions.empty() || now >= event.sessions.back().end) {
        return state;
    }
    const LocalMoment today = to_local(now, zone);
    const LocalMoment first_day = to_local(event.sessions.front().start, zone);
    const auto announce_from =
        std::chrono::sys_days{first_day.date} - std::chrono::days{event.announce_days};
    if (std::chrono::sys_days{today.date} < announce_from) {
        state.phase = EventPhase::not_announced;
        state.next = &event.sessions.front();
        state.days_until = int(
            (std::chrono::sys_days{first_day.date} - std::chrono::sys_days{today.date}).count());
        return state;
    }
    for (const model::Session& session : event.sessions) {
        if (now >= session.end) {
            continue;
        }
        state.next = &session;
        const LocalMoment start_day = to_local(session.start, zone);
        state.days_until = int(
            (std::chrono::sys_days{start_day.date} - std::chrono::sys_days{today.date}).count());
        if (now >= session.start) {
            state.phase = EventPhase::running;
            state.days_until = 0;
        } else if (state.days_until <= 0) {
            state.phase = EventPhase::today;
        } else {
            state.phase = EventPhase::upcoming;
        }
        return state;
    }
    return state;
}

bool is_event_visible(const EventState& state) {
    return state.phase != EventPhase::ended && state.phase != EventPhase::not_announced;
}

}  // namespace keiji::schedule
