#pragma once

#include <date/tz.h>

#include <string>
#include <vector>

#include "alert/alert.hpp"
#include "model/error.hpp"
#include "render/geometry.hpp"
#include "render/sdl_handles.hpp"

namespace keiji::play {

// One screen of an alert's takeover, in one language of its rotation.
struct AlertPreviewFrame {
    std::string language;  // ja, ja-x-easy, en, zh-Hans, ko, ...
    render::SurfaceHandle picture;
    std::vector<std::string> problems;  // Text that does not fit, glyphs no font has.
};

// What every screen will show for `alert`, before it is sent: the takeover in each language of
// its rotation (rotation_languages), drawn at `frame` by the screens' own code (make_alert_view,
// render::paint_alert, the language's own fonts), off screen, as the only alert in force.
// Needs SDL started (render::SdlRuntime).
[[nodiscard]] model::Result<std::vector<AlertPreviewFrame>> preview_alert(
    const alert::Alert& alert, render::Frame frame, const date::time_zone& zone);

}  // namespace keiji::play
