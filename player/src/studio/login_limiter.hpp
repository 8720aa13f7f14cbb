#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace keiji::studio {

// Slows password guessing: after `failures` wrong logins within `window` for one key (an
// account, or an address), that key is refused until `window` after the last of them. Pure:
// time comes in, so every rule is tested without waiting. Keys of both kinds are checked, so
// one address cannot try many accounts and many addresses cannot try one account.
class LoginLimiter {
public:
    using Clock = std::chrono::steady_clock;
    LoginLimiter(int failures, std::chrono::seconds window)
        : m_failures(failures), m_window(window) {}

    // Zero when a login may be tried now; otherwise how long to wait.
    [[nodiscard]] std::chrono::seconds wait_before(std::string_view key, Clock::time_point now);
    void failed(std::string_view key, Clock::time_point now);
    void succeeded(std::string_view key);

private:
    struct Record {
        int failures = 0;
        Clock::time_point last{};
    };
    void forget_old(Clock::time_point now);

    int m_failures;
    std::chrono::seconds m_window;
    std::map<std::string, Record, std::less<>> m_records;
};

}  // namespace keiji::studio
