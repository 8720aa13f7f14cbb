#include "cli/progress_bar.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace keiji::cli {

ProgressBar::ProgressBar(std::string label)
    : m_label(std::move(label)),
      m_terminal(::isatty(STDERR_FILENO) != 0),
      m_start(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
    if (m_shown) {
        std::fputs("\n", stderr);
    }
}

void ProgressBar::update(std::int64_t done, std::int64_t total, std::int64_t bytes) {
    if (!m_terminal) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - m_start < std::chrono::seconds(1) ||
        (now - m_last_draw < std::chrono::milliseconds(100) && done != total)) {
        return;
    }
    m_last_draw = now;
    m_shown = true;
    constexpr int width = 30;
    const double fraction = total > 0 ? std::clamp(double(done) / double(total), 0.0, 1.0) : 0.0;
    const int filled = int(fraction * width);
    std::fputs(fmt::format("\r{} [{}{}] {}/{}{}   ", m_label, std::string(filled, '#'),
                           std::string(width - filled, ' '), done, total,
                           bytes >= 0 ? "  " + human_bytes(bytes) : std::string())
                   .c_str(),
               stderr);
    std::fflush(stderr);
}

std::string human_bytes(std::int64_t bytes) {
    if (bytes >= 1'000'000) {
        return fmt::format("{:.1f} MB", double(bytes) / 1e6);
    }
    if (bytes >= 1'000) {
        return fmt::format("{:.0f} kB", double(bytes) / 1e3);
    }
    return fmt::format("{} B", bytes);
}

}  // namespace keiji::cli
