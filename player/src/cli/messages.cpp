#include "cli/messages.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace keiji::cli {

std::string message_language() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        if (const char* value = std::getenv(name); value != nullptr && *value != '\0') {
            return value;
        }
    }
    return "en";
}

void print_error(std::string_view command, std::string_view message) {
    std::fputs(fmt::format("keiji{}{}: {}\n", command.empty() ? "" : " ", command, message).c_str(),
               stderr);
}

void print_error(std::string_view command, const model::Error& error, std::string_view language) {
    print_error(command, error.text(language));
}

void print_problems(const model::Errors& problems, std::string_view language) {
    std::string text;
    for (const model::Error& problem : problems) {
        text += problem.to_string(language) + "\n";
    }
    std::fputs(text.c_str(), stderr);
}

void print(std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
}

int fail(std::string_view command, std::string_view message, int code) {
    print_error(command, message);
    return code;
}

int fail(std::string_view command, const model::Error& error, std::string_view language, int code) {
    print_error(command, error, language);
    return code;
}

}  // namespace keiji::cli
