#include "app/validate_command.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "app/content_loader.hpp"

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
