#include "model/clock.hpp"

#include <algorithm>

namespace keiji::model {

Instant VirtualClock::now() const {
    const std::scoped_lock guard(m_mutex);
    return m_now;
}

bool VirtualClock::wait_until(std::unique_lock<std::mutex>& lock,
                              std::condition_variable& condition,
                              std::chrono::steady_clock::time_point deadline,
                              const std::function<bool()>& done) {
    Waiter waiter{.deadline = deadline, .mutex = lock.mutex(), .condition = &condition};
    {
        const std::scoped_lock guard(m_mutex);
        waiter.due = deadline <= m_now.monotonic;
        if (!waiter.due) {
            m_waiters.push_back(&waiter);
            --m_running;
        }
    }
    m_settled.notify_all();
    const auto is_due = [&] {
        const std::scoped_lock guard(m_mutex);
        return waiter.due;
    };
    // advance_to notifies while holding our mutex, so no wake-up falls between check and wait.
    while (!done() && !is_due()) {
        condition.wait(lock);
    }
    const std::scoped_lock guard(m_mutex);
    if (const auto found = std::ranges::find(m_waiters, &waiter); found != m_waiters.end()) {
        m_waiters.erase(found);
        ++m_running;  // Woken by done(): running again, and not yet counted.
    }
    return done();
}

void VirtualClock::enroll() {
    const std::scoped_lock guard(m_mutex);
    ++m_running;
}

void VirtualClock::retire() {
    {
        const std::scoped_lock guard(m_mutex);
        --m_running;
    }
    m_settled.notify_all();
}

void VirtualClock::advance_to(std::chrono::steady_clock::time_point monotonic) {
    // The waiters' own mutex and condition, not the Waiter: once due, a waiter may return and
    // its record (on its stack) is gone.
    std::vector<std::pair<std::mutex*, std::condition_variable*>> woken;
    {
        // Whatever runs now finishes at the present moment, before time moves under it.
        std::unique_lock guard(m_mutex);
        m_settled.wait(guard, [&] { return m_running <= 0; });
        if (monotonic <= m_now.monotonic) {
            return;
        }
        m_now.wall += std::chrono::duration_cast<std::chrono::system_clock::duration>(
            monotonic - m_now.monotonic);
        m_now.monotonic = monotonic;
        std::erase_if(m_waiters, [&](Waiter* waiter) {
            if (waiter->deadline > monotonic) {
                return false;
            }
            waiter->due = true;
            ++m_running;
            woken.emplace_back(waiter->mutex, waiter->condition);
            return true;
        });
    }
    for (auto [mutex, condition] : woken) {
        const std::scoped_lock guard(*mutex);
        condition->notify_all();
    }
    std::unique_lock guard(m_mutex);
    m_settled.wait(guard, [&] { return m_running <= 0; });
}

}  // namespace keiji::model
