#pragma once

#include <SDL.h>

#include <chrono>
#include <optional>
#include <string_view>

#include "render/geometry.hpp"
#include "render/screen.hpp"

namespace keiji::render {

// How one slide gives way to the next.
enum class TransitionKind {
    crossfade,  // The incoming slide fades in over the outgoing one (the default).
    cut,        // The incoming slide replaces the outgoing one at once.
    slide,      // The incoming slide pushes the outgoing one out to the left.
};

// "crossfade", "cut" or "slide"; nullopt for anything else.
[[nodiscard]] std::optional<TransitionKind> parse_transition(std::string_view name);
[[nodiscard]] std::string_view transition_name(TransitionKind kind);

// How long a transition of `kind` runs when `configured` is asked for: a cut takes no time.
[[nodiscard]] std::chrono::milliseconds transition_length(TransitionKind kind,
                                                          std::chrono::milliseconds configured);

// Smoothstep easing: starts and ends gently instead of with a jump. `progress` is clamped to
// [0, 1].
[[nodiscard]] double ease(double progress);

// The two slide layers of one transition frame, outgoing first (drawn underneath). `progress`
// runs from 0 (only `from` visible) to 1 (only `to` visible); the header and ticker layers go
// on top unchanged.
struct TransitionFrame {
    Layer outgoing;
    Layer incoming;
};
[[nodiscard]] TransitionFrame compose_transition(TransitionKind kind, SDL_Texture* from,
                                                 SDL_Texture* to, Frame frame, double progress);

}  // namespace keiji::render
