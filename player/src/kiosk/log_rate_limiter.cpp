#include "kiosk/log_rate_limiter.hpp"

namespace keiji::kiosk {

LogRateLimiter::Decision LogRateLimiter::admit(std::string_view channel,
                                               std::chrono::steady_clock::time_point now) {
    auto found = m_channels.find(channel);
    if (found == m_channels.end()) {
        found = m_channels.emplace(std::string(channel), ChannelState{}).first;
    }
    ChannelState& state = found->second;
    if (!state.started || now - state.window_start >= m_window) {
        state.started = true;
        state.window_start = now;
        state.written = 0;
    }
    if (state.written >= m_burst) {
        ++state.suppressed;
        return {.write = false, .suppressed_before = 0};
    }
    ++state.written;
    const Decision decision{.write = true, .suppressed_before = state.suppressed};
    state.suppressed = 0;
    return decision;
}

}  // namespace keiji::kiosk
