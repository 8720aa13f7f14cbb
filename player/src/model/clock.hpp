#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

namespace keiji::model {

// One reading of both clocks. Durations (how long a slide stays) run on the monotonic clock so an
// NTP step cannot stall or skip the rotation; what is eligible and the header clock use the wall
// clock.
struct Instant {
    std::chrono::steady_clock::time_point monotonic;
    std::chrono::system_clock::time_point wall;
};

// Where "now" comes from, and how a thread waits for a moment to come. Nothing below the runtime
// reads a real clock: the runtime passes the real one (play::RealClock) down, and headless runs
// and tests pass a VirtualClock, on which a week passes in minutes and every sync, poll and alert
// happens at its simulated moment.
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual Instant now() const = 0;

    // Waits, with `lock` held on entry and exit as std::condition_variable does, until `done()`
    // is true or this clock reaches `deadline`; whoever makes `done()` true notifies `condition`.
    // Returns done(). Threads that wait this way call enroll() before they start and retire()
    // when they end, so a virtual clock can hold time still while they work; their mutex and
    // condition must outlive the clock's use of them (the thread's owner joins it first).
    virtual bool wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& condition,
                            std::chrono::steady_clock::time_point deadline,
                            const std::function<bool()>& done) = 0;
    virtual void enroll() {}
    virtual void retire() {}
};

// A clock that moves only when told to. advance_to() lets every enrolled thread that is working
// finish first, then moves, then waits until every thread whose deadline has come has done its
// work and waits again: a sync due at 10:05 runs to its end at the simulated 10:05, and never sees
// the clock move under it, so a headless run is the same every time.
// (A thread woken by done() instead, such as a sync asked for by SIGHUP, runs beside the clock.)
class VirtualClock final : public Clock {
public:
    explicit VirtualClock(std::chrono::system_clock::time_point start)
        : m_now{std::chrono::steady_clock::time_point{}, start} {}

    [[nodiscard]] Instant now() const override;
    bool wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& condition,
                    std::chrono::steady_clock::time_point deadline,
                    const std::function<bool()>& done) override;
    void enroll() override;
    void retire() override;

    // Moves the clock forward to `monotonic` (never back) and waits for the threads it wakes.
    void advance_to(std::chrono::steady_clock::time_point monotonic);

private:
    struct Waiter {
        std::chrono::steady_clock::time_point deadline;
        std::mutex* mutex = nullptr;  // The waiter's own, held by it except while it waits.
        std::condition_variable* condition = nullptr;
        bool due = false;  // Woken by advance_to, which counted it as running again.
    };

    mutable std::mutex m_mutex;
    std::condition_variable m_settled;
    Instant m_now;
    std::vector<Waiter*> m_waiters;
    int m_running = 0;  // Enrolled threads that are not waiting.
};

}  // namespace keiji::model
