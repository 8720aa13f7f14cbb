#pragma once

#include <SDL.h>

#include <string>

namespace keiji::test {

struct GoldenResult {
    bool matches = false;
    std::string explanation;  // Why not, and where the actual image was written.
};

// Compares `actual` with tests/golden/NAME.png. A pixel differs when any channel is more than
// `channel_tolerance` away; the images match when at most `max_differing_fraction` of the
// pixels differ (fonts rasterise a little differently across FreeType builds). With
// KEIJI_UPDATE_GOLDEN=1 in the environment the golden is (re)written instead and the result says
// so, which also fails the test: an updated golden must be looked at and committed.
[[nodiscard]] GoldenResult compare_with_golden(SDL_Surface* actual, const std::string& name,
                                               int channel_tolerance = 40,
                                               double max_differing_fraction = 0.005);

// The same for what `renderer` last drew (its whole output).
[[nodiscard]] GoldenResult compare_renderer_with_golden(SDL_Renderer* renderer,
                                                        const std::string& name);

// The same for a frame painted at its real size and stored at 1/`scale_down` of it (to keep the
// repository small); the full-size frame is written to golden-actual/full/NAME.png for review.
[[nodiscard]] GoldenResult compare_scaled_renderer_with_golden(SDL_Renderer* renderer,
                                                               int scale_down,
                                                               const std::string& name);

}  // namespace keiji::test
