#include "kiosk/log_rate_limiter.hpp"

#include <doctest/doctest.h>

using keiji::kiosk::LogRateLimiter;
using namespace std::chrono;

TEST_CASE("log rate limit: a burst per channel per window, then a count of what was dropped") {
    LogRateLimiter limiter(3, minutes(1));
    const steady_clock::time_point start{};
    for (int i = 0; i < 3; ++i) {
        CHECK(limiter.admit("sync", start + seconds(i)).write);
    }
    CHECK_FALSE(limiter.admit("sync", start + seconds(10)).write);
    CHECK_FALSE(limiter.admit("sync", start + seconds(20)).write);
    // Another channel has its own budget.
    CHECK(limiter.admit("alert", start + seconds(20)).write);
    // A new window: the first line written carries the count of dropped lines.
    const auto next = limiter.admit("sync", start + seconds(61));
    CHECK(next.write);
    CHECK(next.suppressed_before == 2);
    CHECK(limiter.admit("sync", start + seconds(62)).suppressed_before == 0);
}
