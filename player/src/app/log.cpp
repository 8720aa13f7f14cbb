#include "app/log.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace keiji::app {

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
    std::string line;
    if (to_journal) {
        line = "<" + std::to_string(int(priority)) + ">";
    } else {
        line = "keiji: ";
    }
    line.append(channel).append(": ").append(priority_word(priority)).append(message).append("\n");
    std::fputs(line.c_str(), stderr);
}

}  // namespace keiji::app
