#pragma once

#include "checks/readability.hpp"
#include "checks/slide_shot.hpp"
#include "model/error.hpp"
#include "render/font_set.hpp"
#include "render/screen.hpp"
#include "storage/playlist_file.hpp"

namespace keiji::checks {

struct SlideCheckSetup {
    ShotSetup shot;
    Viewing viewing;
};

// Paints item `index` of `file` with the player's own renderer onto its screen and judges what was
// drawn. Warnings, each at the field it is about: text that does not fit its box even at the
// template's smallest size; characters no font has (tofu); text smaller than readable at
// `setup.viewing`; text/background contrast below WCAG AA; a duration shorter than the time to
// read the item's text.
[[nodiscard]] model::Errors check_slide(CheckRenderer& renderer, const storage::PlaylistFile& file,
                                        std::size_t index, const SlideCheckSetup& setup);

// The reading-time check alone (no rendering).
[[nodiscard]] model::Errors check_reading_time(const storage::PlaylistFile& file, std::size_t index,
                                               std::string_view language);

}  // namespace keiji::checks
