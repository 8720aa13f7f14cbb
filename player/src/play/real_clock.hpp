#pragma once

#include <chrono>

#include "model/clock.hpp"

namespace keiji::play {

// The real clocks, the only ones the player reads. With an offset the wall clock runs as from
// another moment (keiji play --at in a window: the screen as it will be on that day, and the
// clock running on from there); durations still run on the monotonic clock.
class RealClock final : public model::Clock {
public:
    explicit RealClock(std::chrono::system_clock::duration offset = {}) : m_offset(offset) {}

    [[nodiscard]] model::Instant now() const override {
        return model::Instant{std::chrono::steady_clock::now(),
                              std::chrono::system_clock::now() + m_offset};
    }
    bool wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& condition,
                    std::chrono::steady_clock::time_point deadline,
                    const std::function<bool()>& done) override {
        return condition.wait_until(lock, deadline, done);
    }

private:
    std::chrono::system_clock::duration m_offset;
};

}  // namespace keiji::play
