#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace keiji::cli {

// A one-line progress bar on stderr for work that takes a while: it appears only on a terminal
// and only once the work has taken more than a second, so scripts and quick runs see nothing.
class ProgressBar {
public:
    explicit ProgressBar(std::string label);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    // `done` of `total` units; `bytes` (if known) is shown beside them.
    void update(std::int64_t done, std::int64_t total, std::int64_t bytes = -1);

private:
    std::string m_label;
    bool m_terminal;
    bool m_shown = false;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_last_draw{};
};

// "1.2 MB", "340 kB", "512 B".
[[nodiscard]] std::string human_bytes(std::int64_t bytes);

}  // namespace keiji::cli
