// Password guessing is slowed per key (account or address), and forgotten after the window.
#include "studio/login_limiter.hpp"

#include <doctest/doctest.h>

using namespace keiji::studio;
using namespace std::chrono_literals;

TEST_CASE("login limiter: five failures lock the key for the window, then it opens again") {
    LoginLimiter limiter(5, 15min);
    const auto t0 = LoginLimiter::Clock::time_point{} + 1h;
    for (int i = 0; i < 4; ++i) {
        CHECK(limiter.wait_before("account:sato", t0 + i * 1s) == 0s);
        limiter.failed("account:sato", t0 + i * 1s);
    }
    CHECK(limiter.wait_before("account:sato", t0 + 4s) == 0s);
    limiter.failed("account:sato", t0 + 4s);
    CHECK(limiter.wait_before("account:sato", t0 + 5s) == 14min + 59s);
    CHECK(limiter.wait_before("account:tanaka", t0 + 5s) == 0s);  // Another key is free.
    CHECK(limiter.wait_before("account:sato", t0 + 4s + 15min) == 0s);
}

TEST_CASE("login limiter: a success forgets the failures, and old failures fade") {
    LoginLimiter limiter(3, 10min);
    const auto t0 = LoginLimiter::Clock::time_point{} + 1h;
    limiter.failed("address:10.0.0.1", t0);
    limiter.failed("address:10.0.0.1", t0 + 1s);
    limiter.succeeded("address:10.0.0.1");
    limiter.failed("address:10.0.0.1", t0 + 2s);
    CHECK(limiter.wait_before("address:10.0.0.1", t0 + 3s) == 0s);
    limiter.failed("address:10.0.0.1", t0 + 20min);  // Long after: counting starts again.
    limiter.failed("address:10.0.0.1", t0 + 20min + 1s);
    CHECK(limiter.wait_before("address:10.0.0.1", t0 + 20min + 2s) == 0s);
}

TEST_CASE("login limiter: a flood of made-up names keeps its memory bounded") {
    LoginLimiter limiter(5, 1min);
    const auto t0 = LoginLimiter::Clock::time_point{} + 1h;
    for (int i = 0; i < 50000; ++i) {
        limiter.failed("account:user" + std::to_string(i), t0 + i * 10ms);
    }
    // Every failure older than the window was forgotten along the way.
    CHECK(limiter.wait_before("account:user0", t0 + 500s) == 0s);
}
