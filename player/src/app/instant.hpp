#pragma once

#include <chrono>

namespace keiji::app {

// One reading of both clocks. Durations (how long a slide stays) run on the monotonic clock so an
// NTP step cannot stall or skip the rotation; what is eligible and the header clock use the wall
// clock. Only app/ reads real clocks; everything below takes an Instant.
struct Instant {
    std::chrono::steady_clock::time_point monotonic;
    std::chrono::system_clock::time_point wall;
};

// The real clocks.
[[nodiscard]] inline Instant read_clocks() {
    return Instant{std::chrono::steady_clock::now(), std::chrono::system_clock::now()};
}

// A clock that only moves when told to: headless runs render a whole day in seconds with it.
class VirtualClock {
public:
    explicit VirtualClock(std::chrono::system_clock::time_point start)
        : m_now{std::chrono::steady_clock::time_point{}, start} {}
    [[nodiscard]] Instant now() const { return m_now; }
    void advance_to(std::chrono::steady_clock::time_point monotonic) {
        if (monotonic > m_now.monotonic) {
            m_now.wall += std::chrono::duration_cast<std::chrono::system_clock::duration>(
                monotonic - m_now.monotonic);
            m_now.monotonic = monotonic;
        }
    }

private:
    Instant m_now;
};

}  // namespace keiji::app
