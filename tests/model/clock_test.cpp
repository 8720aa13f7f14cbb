// The virtual clock: time moves only when told, and a thread due at a moment finishes its work
// before the clock moves past that moment.
#include "model/clock.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>

using namespace keiji::model;
using namespace std::chrono_literals;

namespace {

const auto start = std::chrono::sys_days{std::chrono::year{2025} / 11 / 24} + 8h;

// A thread that wakes every `period` on `clock` and counts its turns, each turn taking real time.
class Ticker {
public:
    Ticker(Clock& clock, std::chrono::seconds period) : m_clock(clock), m_period(period) {
        m_clock.enroll();
        m_thread = std::thread([this] {
            std::unique_lock lock(m_mutex);
            while (!m_stop) {
                lock.unlock();
                std::this_thread::sleep_for(2ms);  // Work that takes real time.
                ++m_turns;
                lock.lock();
                m_clock.wait_until(lock, m_wake, m_clock.now().monotonic + m_period,
                                   [this] { return m_stop; });
            }
            lock.unlock();
            m_clock.retire();
        });
    }
    ~Ticker() {
        {
            const std::scoped_lock lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    [[nodiscard]] int turns() const { return m_turns; }

private:
    Clock& m_clock;
    std::chrono::seconds m_period;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::atomic<int> m_turns{0};
    std::thread m_thread;
};

}  // namespace

TEST_CASE("virtual clock: moves only forward, wall and monotonic together") {
    VirtualClock clock(start);
    const Instant first = clock.now();
    clock.advance_to(first.monotonic + 90s);
    CHECK(clock.now().wall == start + 90s);
    clock.advance_to(first.monotonic + 10s);  // Never back.
    CHECK(clock.now().wall == start + 90s);
}

TEST_CASE("virtual clock: a thread due at a moment has done its turn when advance_to returns") {
    VirtualClock clock(start);
    Ticker ticker(clock, 300s);
    const auto t0 = clock.now().monotonic;
    clock.advance_to(t0 + 1s);  // Waits for the first turn, which runs at once.
    CHECK(ticker.turns() == 1);
    clock.advance_to(t0 + 299s);
    CHECK(ticker.turns() == 1);
    clock.advance_to(t0 + 300s);
    CHECK(ticker.turns() == 2);
    // A day in one step: the ticker is due once, its next deadline is relative to that turn.
    clock.advance_to(t0 + 86400s);
    CHECK(ticker.turns() == 3);
    for (int i = 1; i <= 10; ++i) {
        clock.advance_to(t0 + 86400s + i * 300s);
    }
    CHECK(ticker.turns() == 13);
}
