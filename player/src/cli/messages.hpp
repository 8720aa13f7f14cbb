#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "model/error.hpp"

namespace keiji::cli {

// The language of messages, from the locale variables in POSIX precedence order.
[[nodiscard]] std::string message_language();

// "keiji COMMAND: message" on standard error.
void print_error(std::string_view command, std::string_view message);
void print_error(std::string_view command, const model::Error& error,
                 std::string_view language = "en");
// Every problem as "file:line:col: error: /pointer: message", one a line, on standard error.
void print_problems(const model::Errors& problems, std::string_view language);
// Text on standard output.
void print(std::string_view text);

// print_error, then the exit code to return.
[[nodiscard]] int fail(std::string_view command, std::string_view message, int code = 1);
[[nodiscard]] int fail(std::string_view command, const model::Error& error,
                       std::string_view language = "en", int code = 1);

}  // namespace keiji::cli
