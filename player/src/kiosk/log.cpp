#include "kiosk/log.hpp"

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>

#include "kiosk/log_rate_limiter.hpp"

namespace keiji::kiosk {

namespace {

const char* priority_word(Priority priority) {
    switch (priority) {
        case Priority::error:
            return "error: ";
        case Priority::warning:
            return "warning: ";
        default:
            return "";
    }
}

}  // namespace

void log(Priority priority, std::string_view channel, std::string_view message) {
    static const bool to_journal = std::getenv("JOURNAL_STREAM") != nullptr;
    // A network that fails every few seconds for days must not fill the journal: 30 lines per
    // channel per minute, then a count of what was dropped. Channel threads log too.
    static std::mutex mutex;
    static LogRateLimiter limiter(30, std::chrono::minutes(1));
    const std::lock_guard lock(mutex);
    const LogRateLimiter::Decision decision =
        limiter.admit(channel, std::chrono::steady_clock::now());
    if (!decision.write) {
        return;
    }
    std::string line;
    if (to_journal) {
        line = "<" + std::to_string(int(priority)) + ">";
    } else {
        line = "keiji: ";
    }
    line.append(channel).append(": ").append(priority_word(priority)).append(message);
    if (decision.suppressed_before > 0) {
        line += " (" + std::to_string(decision.suppressed_before) +
                " earlier lines of this channel were dropped: too many in a minute)";
    }
    line += "\n";
    std::fputs(line.c_str(), stderr);
}

}  // namespace keiji::kiosk
