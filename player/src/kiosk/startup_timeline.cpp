#include "kiosk/startup_timeline.hpp"

#include <fmt/format.h>
#include <time.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace keiji::kiosk {

namespace {

double milliseconds_between(StartupTimeline::Clock::time_point from,
                            StartupTimeline::Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

}  // namespace

StartupTimeline::StartupTimeline(Clock::time_point start,
                                 std::optional<std::chrono::milliseconds> since_process_start)
    : m_start(start), m_last(start), m_before_start(since_process_start) {}

void StartupTimeline::mark(std::string_view phase, Clock::time_point at) {
    m_phases.emplace_back(std::string(phase), milliseconds_between(m_last, at));
    m_last = at;
}

std::optional<std::string> StartupTimeline::first_frame(Clock::time_point at) {
    if (m_done) {
        return std::nullopt;
    }
    m_done = true;
    mark("first slide painted and shown", at);
    std::string line =
        fmt::format("first frame {:.0f} ms after start", milliseconds_between(m_start, at));
    if (m_before_start) {
        line += fmt::format(" (the process ran {} ms before)", m_before_start->count());
    }
    line += ":";
    for (std::size_t i = 0; i < m_phases.size(); ++i) {
        line += fmt::format("{} {} {:.0f} ms", i == 0 ? "" : ",", m_phases[i].first,
                            m_phases[i].second);
    }
    return line;
}

std::optional<std::chrono::milliseconds> process_age() {
    // Field 22 of /proc/self/stat is the start in clock ticks since boot; the command name
    // (field 2) may hold spaces, so fields are counted after its closing parenthesis.
    std::ifstream stat("/proc/self/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    timespec now{};
    const long ticks_per_second = sysconf(_SC_CLK_TCK);
    if (close == std::string::npos || ticks_per_second <= 0 ||
        clock_gettime(CLOCK_BOOTTIME, &now) != 0) {
        return std::nullopt;
    }
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    // After ")": state is field 3, so starttime (22) is the 20th.
    for (int i = 3; i < 22 && fields >> field; ++i) {
    }
    unsigned long long start_ticks = 0;
    if (!(fields >> start_ticks)) {
        return std::nullopt;
    }
    const double started_ms = double(start_ticks) * 1000.0 / double(ticks_per_second);
    const double now_ms = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return std::chrono::milliseconds(static_cast<long long>(std::max(0.0, now_ms - started_ms)));
}

}  // namespace keiji::kiosk
