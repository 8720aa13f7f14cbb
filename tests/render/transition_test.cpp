#include "render/transition.hpp"

#include <doctest/doctest.h>

using namespace keiji::render;

TEST_CASE("transition: names round-trip and unknown names are refused") {
    for (const auto kind :
         {TransitionKind::crossfade, TransitionKind::cut, TransitionKind::slide}) {
        CHECK(parse_transition(transition_name(kind)) == kind);
    }
    CHECK_FALSE(parse_transition("wipe").has_value());
}

TEST_CASE("transition: a cut takes no time, the others what is configured") {
    using std::chrono::milliseconds;
    CHECK(transition_length(TransitionKind::cut, milliseconds{800}) == milliseconds{0});
    CHECK(transition_length(TransitionKind::slide, milliseconds{800}) == milliseconds{800});
}

TEST_CASE("transition: easing starts and ends at rest and is symmetric") {
    CHECK(ease(-1.0) == 0.0);
    CHECK(ease(0.0) == 0.0);
    CHECK(ease(0.5) == doctest::Approx(0.5));
    CHECK(ease(1.0) == 1.0);
    CHECK(ease(2.0) == 1.0);
    CHECK(ease(0.25) == doctest::Approx(1.0 - ease(0.75)));
}

TEST_CASE("transition: crossfade raises the incoming alpha, and slide moves both by whole pixels") {
    const Frame frame{1920, 1080};
    auto* from = reinterpret_cast<SDL_Texture*>(0x1);
    auto* to = reinterpret_cast<SDL_Texture*>(0x2);

    const auto start = compose_transition(TransitionKind::crossfade, from, to, frame, 0.0);
    CHECK(start.incoming.alpha == 0);
    CHECK(start.outgoing.alpha == 255);
    const auto end = compose_transition(TransitionKind::crossfade, from, to, frame, 1.0);
    CHECK(end.incoming.alpha == 255);

    const auto half = compose_transition(TransitionKind::slide, from, to, frame, 0.5);
    CHECK(half.outgoing.where.x == -960);
    CHECK(half.incoming.where.x == 960);
    CHECK(half.incoming.alpha == 255);
    const auto done = compose_transition(TransitionKind::slide, from, to, frame, 1.0);
    CHECK(done.incoming.where.x == 0);

    const auto cut = compose_transition(TransitionKind::cut, from, to, frame, 0.0);
    CHECK(cut.incoming.alpha == 255);
    CHECK(cut.incoming.where.x == 0);
}
