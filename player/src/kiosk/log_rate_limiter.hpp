#pragma once

#include <chrono>
#include <map>
#include <string>
#include <string_view>

namespace keiji::kiosk {

// Keeps one channel from flooding the journal: at most `burst` lines per channel per window.
// Lines over the limit are counted, and the first line let through afterwards says how many
// were dropped. Time is a parameter, so the limiter is tested without waiting.
class LogRateLimiter {
public:
    struct Decision {
        bool write = true;
        int suppressed_before = 0;  // Lines of this channel dropped since the last one written.
    };

    LogRateLimiter(int burst, std::chrono::steady_clock::duration window)
        : m_burst(burst), m_window(window) {}

    [[nodiscard]] Decision admit(std::string_view channel,
                                 std::chrono::steady_clock::time_point now);

private:
    struct ChannelState {
        std::chrono::steady_clock::time_point window_start{};
        int written = 0;
        int suppressed = 0;
        bool started = false;
    };

    int m_burst;
    std::chrono::steady_clock::duration m_window;
    std::map<std::string, ChannelState, std::less<>> m_channels;
};

}  // namespace keiji::kiosk
