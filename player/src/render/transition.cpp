#include "render/transition.hpp"

#include <algorithm>
#include <cmath>

namespace keiji::render {

std::optional<TransitionKind> parse_transition(std::string_view name) {
    if (name == "crossfade") {
        return TransitionKind::crossfade;
    }
    if (name == "cut") {
        return TransitionKind::cut;
    }
    if (name == "slide") {
        return TransitionKind::slide;
    }
    return std::nullopt;
}

std::string_view transition_name(TransitionKind kind) {
    switch (kind) {
        case TransitionKind::cut:
            return "cut";
        case TransitionKind::slide:
            return "slide";
        default:
            return "crossfade";
    }
}

std::chrono::milliseconds transition_length(TransitionKind kind,
                                            std::chrono::milliseconds configured) {
    return kind == TransitionKind::cut ? std::chrono::milliseconds{0}
                                       : std::max(configured, std::chrono::milliseconds{0});
}

double ease(double progress) {
    const double t = std::clamp(progress, 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

TransitionFrame compose_transition(TransitionKind kind, SDL_Texture* from, SDL_Texture* to,
                                   Frame frame, double progress) {
    const Rect full{0, 0, frame.width, frame.height};
    const double eased = ease(progress);
    switch (kind) {
        case TransitionKind::cut:
            return {Layer{from, full, 0}, Layer{to, full, 255}};
        case TransitionKind::slide: {
            // Both slides move together, so the screen is never half empty; whole pixels keep
            // text from shimmering as it moves.
            const int offset = int(std::lround(eased * frame.width));
            return {Layer{from, Rect{-offset, 0, frame.width, frame.height}, 255},
                    Layer{to, Rect{frame.width - offset, 0, frame.width, frame.height}, 255}};
        }
        default: {
            const auto alpha = static_cast<std::uint8_t>(std::lround(eased * 255.0));
            return {Layer{from, full, 255}, Layer{to, full, alpha}};
        }
    }
}

}  // namespace keiji::render
