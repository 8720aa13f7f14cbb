#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "model/clock.hpp"

namespace keiji::alert {

// A raw envelope as a channel received it. Nothing in it is trusted yet.
struct Delivery {
    std::string channel;  // "mqtt", "http", "file": for the log.
    std::string envelope;
    std::chrono::steady_clock::time_point received;  // Stamped by the mailbox, on its clock.
};

// The one way alert channels reach the main loop: channel threads post, the main thread takes.
// Posting also calls the wake function (for a window: SDL_PushEvent, which is thread-safe) so
// the loop's wait ends at once instead of at its next deadline.
class Mailbox {
public:
    // `clock` stamps each delivery as it is posted (the runtime's clock, real or virtual).
    explicit Mailbox(const model::Clock& clock) : m_clock(clock) {}

    // Called from any thread after each post. Set it before the channels start.
    void set_wake(std::function<void()> wake) { m_wake = std::move(wake); }

    // Keeps at most `capacity` deliveries waiting: past that the oldest goes (the newest is
    // what a flood would otherwise push out, and a real alert is newer than what it follows).
    void post(Delivery delivery);
    // Everything posted since the last call, oldest first.
    [[nodiscard]] std::vector<Delivery> take_all();
    // How many were dropped for want of room since the last call.
    [[nodiscard]] std::size_t take_dropped();
    static constexpr std::size_t capacity = 256;
    // Waits until something is posted or `deadline` passes; true when something is waiting.
    bool wait_until(std::chrono::steady_clock::time_point deadline);

private:
    std::mutex m_mutex;
    std::condition_variable m_posted;
    std::deque<Delivery> m_deliveries;
    std::size_t m_dropped = 0;
    std::function<void()> m_wake;
    const model::Clock& m_clock;
};

}  // namespace keiji::alert
