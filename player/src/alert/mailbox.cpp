#include "alert/mailbox.hpp"

#include <iterator>
#include <utility>

namespace keiji::alert {

void Mailbox::post(Delivery delivery) {
    delivery.received = m_clock.now().monotonic;
    {
        const std::scoped_lock lock(m_mutex);
        if (m_deliveries.size() >= capacity) {
            m_deliveries.pop_front();
            ++m_dropped;
        }
        m_deliveries.push_back(std::move(delivery));
    }
    m_posted.notify_all();
    if (m_wake) {
        m_wake();
    }
}

std::vector<Delivery> Mailbox::take_all() {
    const std::scoped_lock lock(m_mutex);
    std::vector<Delivery> taken(std::make_move_iterator(m_deliveries.begin()),
                                std::make_move_iterator(m_deliveries.end()));
    m_deliveries.clear();
    return taken;
}

std::size_t Mailbox::take_dropped() {
    const std::scoped_lock lock(m_mutex);
    return std::exchange(m_dropped, 0);
}

bool Mailbox::wait_until(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(m_mutex);
    return m_posted.wait_until(lock, deadline, [&] { return !m_deliveries.empty(); });
}

}  // namespace keiji::alert
