#pragma once

#include <string>
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

// One problem found in content, with where it is. Errors are values: they travel up to the
// caller, which decides whether to print, skip or stop.
struct Error {
    SourceLocation where;
    Message message;
    Severity severity = Severity::error;

    // Formats as "file:line:col: error: /pointer: message", the form editors and CI understand.
    [[nodiscard]] std::string to_string(std::string_view language = "en") const;
};

using Errors = std::vector<Error>;

}  // namespace keiji::model
