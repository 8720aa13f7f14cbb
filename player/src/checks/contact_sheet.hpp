#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "render/font_set.hpp"
#include "render/sdl_handles.hpp"

namespace keiji::checks {

// One cell of a contact sheet: a reduced slide and what staff need to know about it.
struct SheetEntry {
    std::string id;
    std::chrono::seconds duration{0};
    bool playing = true;  // Eligible at the preview's moment.
    model::Errors problems;
    render::SurfaceHandle image;  // ARGB8888; all entries the same size.
};

// A grid of `entries` (four across for landscape slides, six for portrait), each captioned with
// its id, duration and first problem, in the messages' `language`.
[[nodiscard]] model::Result<render::SurfaceHandle> make_contact_sheet(
    const std::vector<SheetEntry>& entries, render::FontSet& fonts, std::string_view language);

}  // namespace keiji::checks
