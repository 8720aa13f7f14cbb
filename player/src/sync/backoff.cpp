#include "sync/backoff.hpp"

#include <algorithm>

namespace keiji::sync {

std::chrono::milliseconds backoff_delay(int failures, std::chrono::milliseconds first,
                                        std::chrono::milliseconds longest, double random01) {
    std::chrono::milliseconds delay = first;
    for (int i = 1; i < failures && delay < longest; ++i) {
        delay *= 2;
    }
    delay = std::min(delay, longest);
    const double spread = std::clamp(random01, 0.0, 1.0);
    return std::chrono::milliseconds(
        delay.count() / 2 + std::chrono::milliseconds::rep(double(delay.count() / 2) * spread));
}

}  // namespace keiji::sync
