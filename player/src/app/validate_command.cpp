#include "app/validate_command.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "app/content_loader.hpp"
#include "schedule/lint.hpp"

namespace keiji::app {

int run_validate(const ValidateOptions& options) {
    const bool japanese = options.language.starts_with("ja");
    int failed = 0;
    for (const std::string& file : options.files) {
        const auto playlist = load_playlist_file(file);
        if (playlist) {
            const std::string line =
                japanese ? fmt::format("{}: OK({} 項目)\n", file, playlist->items.size())
                         : fmt::format("{}: ok ({} items)\n", file, playlist->items.size());
            std::fputs(line.c_str(), stdout);
            // Warnings (an item that never plays) do not fail validation, but staff see them.
            for (const model::Error& warning :
                 schedule::schedule_warnings(*playlist, *date::locate_zone("Asia/Tokyo"))) {
                std::fputs((warning.to_string(options.language) + "\n").c_str(), stderr);
            }
            continue;
        }
        ++failed;
        for (const model::Error& error : playlist.error()) {
            std::fputs((error.to_string(options.language) + "\n").c_str(), stderr);
        }
    }
    return failed == 0 ? 0 : 1;
}

}  // namespace keiji::app
