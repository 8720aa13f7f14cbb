// The start-up line in the journal: each phase's own share, in order, logged once.
#include "kiosk/startup_timeline.hpp"

#include <doctest/doctest.h>

using namespace keiji::kiosk;
using std::chrono::milliseconds;

TEST_CASE("startup timeline: each phase takes from the end of the one before, logged once") {
    const StartupTimeline::Clock::time_point start{std::chrono::seconds{100}};
    StartupTimeline timeline(start, milliseconds{30});
    timeline.mark("settings", start + milliseconds{2});
    timeline.mark("content", start + milliseconds{14});
    timeline.mark("SDL", start + milliseconds{74});
    const auto line = timeline.first_frame(start + milliseconds{200});
    REQUIRE(line.has_value());
    CHECK(*line ==
          "first frame 200 ms after start (the process ran 30 ms before): settings 2 ms, "
          "content 12 ms, SDL 60 ms, first slide painted and shown 126 ms");
    CHECK_FALSE(timeline.first_frame(start + milliseconds{400}).has_value());
}

TEST_CASE("startup timeline: this process's age is known and small") {
    const auto age = process_age();
    REQUIRE(age.has_value());
    CHECK(age->count() >= 0);
    // A test binary started by ctest minutes ago at most, never days (a misread field would).
    CHECK(age->count() < 24 * 3600 * 1000);
}
