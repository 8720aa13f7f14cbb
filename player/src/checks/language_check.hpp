#pragma once

#include <span>
#include <string>

#include "model/error.hpp"
#include "storage/playlist_file.hpp"

namespace keiji::checks {

// On a screen configured for several languages (`screen_languages`), the items whose title has
// no text in some of them: one warning per item at its title, saying which languages it lacks
// and what the screen shows instead, then one for the file with a count per language. A screen
// never shows an item in a language it lacks (schedule::languages_shown); staff see here where
// a translation would add a language to the rotation. Nothing for a one-language screen.
[[nodiscard]] model::Errors check_languages(const storage::PlaylistFile& file,
                                            std::span<const std::string> screen_languages);

}  // namespace keiji::checks
