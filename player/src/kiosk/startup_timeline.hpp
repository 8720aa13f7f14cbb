#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keiji::kiosk {

// Where a player's start-up goes, from the start of `keiji play` to its first frame on screen:
// reading the settings, the content, SDL, the fonts, the window, the first slide. Logged once,
// so a slow start on a kiosk is explained by its own journal. Times are passed in.
class StartupTimeline {
public:
    using Clock = std::chrono::steady_clock;

    // `since_process_start`: how long the process ran before `start` (loading libraries, static
    // initialisers), when known.
    StartupTimeline(Clock::time_point start,
                    std::optional<std::chrono::milliseconds> since_process_start);

    // The phase that ends at `at` (each starts where the previous one ended).
    void mark(std::string_view phase, Clock::time_point at);
    // The first frame is on screen at `at`: the summary line, once; nullopt after the first call.
    [[nodiscard]] std::optional<std::string> first_frame(Clock::time_point at);

private:
    Clock::time_point m_start;
    Clock::time_point m_last;
    std::optional<std::chrono::milliseconds> m_before_start;
    std::vector<std::pair<std::string, double>> m_phases;  // Name, milliseconds.
    bool m_done = false;
};

// How long this process has run, from the kernel's record of its start (a resolution of a
// clock tick, 10 ms on most kernels); nullopt when it cannot be read.
[[nodiscard]] std::optional<std::chrono::milliseconds> process_age();

}  // namespace keiji::kiosk
