#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/message.hpp"

namespace keiji::model {

// Where in a source document something is: 1-based line and column (in characters), and the
// JSON pointer of the value. Line and column are 0 when unknown (for example a file that cannot
// be read at all).
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
    std::string pointer;
};

enum class Severity { error, warning };

// What lies under a failure, kept so that a log line, a test or a retry policy can tell a full
// disk from a missing file, or a refused connection from a timeout. `detail` is the library's own
// words for the code (strerror, curl_easy_strerror, sqlite3_errstr), taken where it happened, so
// this room needs none of those libraries.
struct Cause {
    enum class Kind { none, system, curl, http, sqlite, sdl, image };
    Kind kind = Kind::none;
    long code = 0;  // errno, CURLcode, HTTP status, SQLite result code, render::ImageProblem.
    std::string detail;

    [[nodiscard]] bool is(Kind wanted, long wanted_code) const {
        return kind == wanted && code == wanted_code;
    }
};

// The one error type of keiji: a problem with where it is (a file, and inside a document its
// line, column and JSON pointer), what it means in words staff read (English and Japanese), how
// serious it is, and its cause. Errors are values: they travel up to the caller, which decides
// whether to print, log, skip or stop. Content checks return many (Errors); an operation that
// fails returns one (Result<T>).
struct Error {
    SourceLocation where;
    Message message;
    Severity severity = Severity::error;
    Cause cause;

    // The message with its cause: "cannot read /x: No such file or directory".
    [[nodiscard]] std::string text(std::string_view language = "en") const;
    // "file:line:col: error: /pointer: message", the form editors and CI understand. Parts that
    // are unknown are left out.
    [[nodiscard]] std::string to_string(std::string_view language = "en") const;

    // The same error, its message prefixed with what was being done: "the alert keys: …".
    [[nodiscard]] Error context(std::string_view en, std::string_view ja = {}) &&;
};

using Errors = std::vector<Error>;

// The result of an operation that either gives a T or fails for one reason.
template <class T>
using Result = std::expected<T, Error>;

// An error with a message only; `ja` empty means English for everyone.
[[nodiscard]] Error error(std::string en, std::string ja = {});
// As a failed result: `return model::failure("...");`.
[[nodiscard]] inline std::unexpected<Error> failure(std::string en, std::string ja = {}) {
    return std::unexpected(error(std::move(en), std::move(ja)));
}
[[nodiscard]] inline std::unexpected<Error> failure(Error problem) {
    return std::unexpected(std::move(problem));
}
// errno after a failed system call on `path`: "cannot write /x" with errno and its words.
[[nodiscard]] Error system_error(std::string_view what, std::string_view path, int errno_value);

}  // namespace keiji::model

// Unwraps a Result (or any std::expected): its value, or returns its error from the enclosing
// function at once. The Ladybird TRY, as a GNU statement expression (GCC and clang); each use has
// a name of its own, so one may be nested in another's argument.
//   const std::string text = KEIJI_TRY(storage::read_file(path));
#define KEIJI_TRY(...) KEIJI_TRY_AS(KEIJI_TRY_JOIN(keiji_try_, __COUNTER__), __VA_ARGS__)
#define KEIJI_TRY_JOIN(a, b) KEIJI_TRY_JOIN_AGAIN(a, b)
#define KEIJI_TRY_JOIN_AGAIN(a, b) a##b
#define KEIJI_TRY_AS(name, ...)                              \
    __extension__({                                          \
        auto&& name = (__VA_ARGS__);                         \
        if (!name) {                                         \
            return std::unexpected(std::move(name).error()); \
        }                                                    \
        std::move(name).value();                             \
    })
