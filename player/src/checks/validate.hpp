#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "checks/check_renderer.hpp"
#include "model/error.hpp"
#include "storage/playlist_file.hpp"

namespace keiji::checks {

enum class Strictness { warnings_pass, warnings_fail };

// What `keiji validate` finds in one playlist file.
struct FileReport {
    std::string file;
    std::size_t items = 0;
    bool parsed = false;
    model::Errors problems;  // In file order, so staff can work down the file.

    [[nodiscard]] bool has_errors() const;
};

// The renderer for the slide checks, or why there is none (no fonts, SDL could not start): the
// structural checks run either way, and a warning then says what was left unchecked.
using RendererOrReason = model::Result<std::unique_ptr<CheckRenderer>>;

// Checks a playlist as content staff publish it: its structure (every problem the parser finds),
// its meaning (images, schedules that never play) and, with the player's own renderer, what each
// slide would look like on `screen` (overflow, tofu, legibility, contrast, reading time).
// With Strictness::warnings_fail every warning counts as an error.
[[nodiscard]] FileReport validate_file(const std::filesystem::path& path,
                                       const ScreenUnderCheck& screen, RendererOrReason& renderer,
                                       Strictness strictness = Strictness::warnings_pass);

// The same for a playlist already read (the studio checks the text as it is typed).
[[nodiscard]] FileReport validate_playlist(const storage::PlaylistFile& file,
                                           const ScreenUnderCheck& screen,
                                           RendererOrReason& renderer,
                                           Strictness strictness = Strictness::warnings_pass);

}  // namespace keiji::checks
