#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "checks/check_renderer.hpp"
#include "model/error.hpp"
#include "render/sdl_handles.hpp"
#include "storage/playlist_file.hpp"

namespace keiji::checks {

// One slide as the screen would show it, and what staff need to know about it.
struct SlidePreview {
    std::string id;
    std::chrono::seconds duration{0};
    bool playing = true;            // Eligible at the preview's moment.
    model::Errors problems;         // The warnings keiji validate gives for this item.
    render::SurfaceHandle picture;  // The whole frame (header included), as the panel shows it.
};

// Draws item `index` of `file` with the player's own slide and header painters, as `screen`
// shows it at `screen.at`, and judges it (images, overflow, tofu, legibility, contrast,
// reading time). What `keiji preview` writes and the studio shows beside its form.
[[nodiscard]] model::Result<SlidePreview> preview_item(const storage::PlaylistFile& file,
                                                       std::size_t index,
                                                       const ScreenUnderCheck& screen,
                                                       CheckRenderer& renderer);

}  // namespace keiji::checks
