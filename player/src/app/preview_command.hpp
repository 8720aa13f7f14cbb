#pragma once

#include <optional>
#include <string>

#include "lint/readability.hpp"

namespace keiji::app {

struct PreviewOptions {
    std::string file;
    std::string out_directory;
    std::optional<std::string> at;  // ISO 8601; default now.
    int width = 1920;
    int height = 1080;
    std::string language = "ja";          // The language the screen shows.
    std::string message_language = "en";  // Of the messages: "ja..." gives Japanese.
    lint::Viewing viewing;
};

// Runs `keiji preview`: writes one PNG per item of the playlist, drawn by the player's own slide
// and header painters at `at`, and contact-sheet.png, a grid of all items with their ids,
// durations and the warnings keiji validate gives for them. Returns 0 when written, 1 when the
// playlist has errors or a file cannot be written, 2 for a bad --at.
[[nodiscard]] int run_preview(const PreviewOptions& options);

}  // namespace keiji::app
