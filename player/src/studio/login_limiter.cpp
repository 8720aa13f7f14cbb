#include "studio/login_limiter.hpp"

namespace keiji::studio {

void LoginLimiter::forget_old(Clock::time_point now) {
    // Bounded memory under a flood of made-up names: records older than the window go.
    std::erase_if(m_records, [&](const auto& entry) { return now - entry.second.last > m_window; });
}

std::chrono::seconds LoginLimiter::wait_before(std::string_view key, Clock::time_point now) {
    const auto found = m_records.find(key);
    if (found == m_records.end() || found->second.failures < m_failures) {
        return std::chrono::seconds(0);
    }
    const auto until = found->second.last + m_window;
    if (now >= until) {
        m_records.erase(found);
        return std::chrono::seconds(0);
    }
    return std::chrono::ceil<std::chrono::seconds>(until - now);
}

void LoginLimiter::failed(std::string_view key, Clock::time_point now) {
    if (m_records.size() > 10000) {
        forget_old(now);
    }
    auto [entry, inserted] = m_records.try_emplace(std::string(key));
    if (!inserted && now - entry->second.last > m_window) {
        entry->second.failures = 0;
    }
    ++entry->second.failures;
    entry->second.last = now;
}

void LoginLimiter::succeeded(std::string_view key) {
    if (const auto found = m_records.find(key); found != m_records.end()) {
        m_records.erase(found);
    }
}

}  // namespace keiji::studio
