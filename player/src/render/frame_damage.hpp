#pragma once

#include <cstdint>
#include <span>

#include "render/geometry.hpp"

namespace keiji::render {

// A layer of a frame as the damage tracker sees it: where it is drawn and whether its pixels
// changed, nothing of SDL.
struct LayerPlacement {
    const void* texture = nullptr;  // Null: no layer in this place.
    Rect where{};
    std::uint8_t alpha = 255;
    bool opaque = false;     // Nothing under it shows where it is drawn.
    bool repainted = false;  // Its pixels changed since the frame before was composed.
    // Only this part of it changed (in the layer's own pixels, drawn 1:1): a film's picture.
    // Empty: the whole layer.
    Rect repainted_part{};
};

[[nodiscard]] bool is_empty(const Rect& rect);
// The smallest rectangle that holds both (an empty one adds nothing).
[[nodiscard]] Rect bounding(const Rect& a, const Rect& b);
[[nodiscard]] Rect intersection(const Rect& a, const Rect& b);
[[nodiscard]] bool contains(const Rect& outer, const Rect& inner);

// The part of the frame that can differ from the frame `before`: every layer that appeared,
// left, moved, faded or was repainted, less the rows an unchanged opaque band above it covers
// across its whole width (the header during a crossfade), as one rectangle inside `frame`.
// Layers are compared place by place (index by index). Empty: the frame is the same.
[[nodiscard]] Rect changed_region(std::span<const LayerPlacement> before,
                                  std::span<const LayerPlacement> after, Frame frame);

}  // namespace keiji::render
