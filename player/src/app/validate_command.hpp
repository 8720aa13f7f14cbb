#pragma once

#include <string>
#include <vector>

namespace keiji::app {

struct ValidateOptions {
    std::vector<std::string> files;
    std::string language = "en";  // "ja..." gives Japanese messages.
};

// Runs `keiji validate`: prints every problem as "file:line:col: error: /pointer: message".
// Returns 0 when every file is valid, 1 otherwise.
[[nodiscard]] int run_validate(const ValidateOptions& options);

}  // namespace keiji::app
