#pragma once

#include <chrono>

namespace keiji::sync {

// How long to wait after the `failures`-th failure in a row (1, 2, …): doubling from `first` up
// to `longest`, then "equal jitter": half of it fixed, half spread by `random01` in [0, 1), so a
// hundred screens that lost the network together do not all come back in the same second.
[[nodiscard]] std::chrono::milliseconds backoff_delay(int failures, std::chrono::milliseconds first,
                                                      std::chrono::milliseconds longest,
                                                      double random01);

}  // namespace keiji::sync
