// How long planning a full day takes for a 500-item playlist: the work `keiji schedule` does for
// a day and, spread over the day, what the player does. Prints figures; asserts nothing (timing
// belongs here, never in unit tests). Run a release build for figures that mean something.
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <vector>

#include "schedule/eligible_set.hpp"
#include "schedule/local_time.hpp"
#include "schedule/rotation.hpp"
#include "schedule/timeline.hpp"

using namespace keiji;
using namespace std::chrono;

namespace {

// A lobby-like mix, fixed seed: most items always play, others have weekdays, one or two
// windows (some overnight), date ranges; a few are urgent.
std::vector<model::Item> make_items(std::size_t count, const date::time_zone& zone) {
    std::mt19937 engine(2025);
    const auto between = [&](int low, int high) {
        return std::uniform_int_distribution<int>(low, high)(engine);
    };
    std::vector<model::Item> items(count);
    for (std::size_t i = 0; i < count; ++i) {
        model::Item& item = items[i];
        item.id = fmt::format("item-{:03}", i);
        item.duration = seconds{between(8, 20)};
        item.weight = between(1, 6) / 2.0;
        item.priority = between(0, 49) == 0 ? 5 : 0;
        if (between(0, 9) < 4) {
            for (bool& day : item.schedule.weekdays) {
                day = between(0, 9) < 7;
            }
            for (int w = between(1, 2); w > 0; --w) {
                const int start = between(0, 95) * 15;
                item.schedule.windows.push_back({{start}, {(start + between(4, 40) * 15) % 1440}});
            }
        }
        if (between(0, 9) == 0) {
            item.schedule.from = 2025y / May / 1;
            item.schedule.until = 2025y / May / day(unsigned(between(9, 31)));
        }
        if (between(0, 19) == 0) {
            const auto start = schedule::local_instant(2025y / May / 10, {660}, zone);
            item.content = model::EventContent{.sessions = {{start, start + hours{5}}}};
        } else {
            item.content = model::NoticeContent{};
        }
    }
    return items;
}

template <typename Work>
std::vector<double> time_runs(int runs, Work work) {
    std::vector<double> milliseconds;
    for (int i = 0; i < runs; ++i) {
        const auto start = steady_clock::now();
        work();
        milliseconds.push_back(duration<double, std::milli>(steady_clock::now() - start).count());
    }
    std::sort(milliseconds.begin(), milliseconds.end());
    return milliseconds;
}

}  // namespace

int main() {
    const date::time_zone& zone = *date::locate_zone("Asia/Tokyo");
    const auto items = make_items(500, zone);
    const auto from = schedule::local_midnight(2025y / May / 10, zone);
    const auto to = from + days{1};

    std::size_t slots = 0;
    const auto day = time_runs(
        7, [&] { slots = schedule::build_timeline(items, nullptr, from, to, zone).slots.size(); });
    fmt::print(
        "full-day timeline, 500 items: {} slots, median {:.1f} ms (min {:.1f}, max {:.1f}), "
        "{:.2f} us per slot\n",
        slots, day[day.size() / 2], day.front(), day.back(),
        1000.0 * day[day.size() / 2] / double(slots));

    // What the player pays once per slide if it asks the simple way (is_eligible for every item).
    schedule::Rotation rotation;
    const auto naive = time_runs(7, [&] {
        for (int i = 0; i < 100; ++i) {
            (void)rotation.next(items, from + minutes{i}, zone);
        }
    });
    fmt::print("Rotation::next(items, now, zone), 500 items: median {:.3f} ms per call\n",
               naive[naive.size() / 2] / 100);

    // And with an EligibleSet kept up to date (the main loop's way): the first update, then one
    // per slide.
    const auto first = time_runs(7, [&] {
        schedule::EligibleSet set(items, nullptr, zone);
        set.update(from);
    });
    fmt::print("EligibleSet first update (next change of 500 items): median {:.2f} ms\n",
               first[first.size() / 2]);
    return 0;
}
