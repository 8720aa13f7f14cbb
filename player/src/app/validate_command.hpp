#pragma once

#include <string>
#include <vector>

#include "lint/readability.hpp"

namespace keiji::app {

enum class OutputFormat { text, json };
enum class Strictness { warnings_pass, warnings_fail };

struct ValidateOptions {
    std::vector<std::string> files;
    std::string language = "en";  // Of the messages: "ja..." gives Japanese.
    OutputFormat format = OutputFormat::text;
    Strictness strictness = Strictness::warnings_pass;
    int width = 1920;  // The screen the slides are checked on.
    int height = 1080;
    lint::Viewing viewing;
    std::string display_language = "ja";  // The language the screen shows.
};

// Runs `keiji validate`: the structure of each playlist (every problem the parser finds), then
// its meaning (images, schedules that never play) and, with the player's own renderer, what
// each slide would look like (overflow, tofu, legibility, contrast, reading time).
// Text output: "file:line:col: error: /pointer: message" on stderr, "file: ok (N items)" on
// stdout. JSON output: one document on stdout. Returns 0 when no file has an error (or, with
// Strictness::warnings_fail, a warning), 1 otherwise.
[[nodiscard]] int run_validate(const ValidateOptions& options);

}  // namespace keiji::app
