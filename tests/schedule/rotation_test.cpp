// Rotation: priority, weights as airtime shares, no back-to-back repeats, determinism.
#include "schedule/rotation.hpp"

#include <map>

#include "fixtures.hpp"

using namespace keiji;
using keiji::testing::at;
using keiji::testing::tokyo;

namespace {

// Runs `count` choices with every item eligible and returns the ids in order.
std::string sequence(const std::vector<model::Item>& items, int count,
                     std::vector<bool> eligible_flags = {}) {
    if (eligible_flags.empty()) {
        eligible_flags.assign(items.size(), true);
    }
    const auto flags = std::make_unique<bool[]>(items.size());
    std::copy(eligible_flags.begin(), eligible_flags.end(), flags.get());
    schedule::Rotation rotation;
    std::string out;
    for (int i = 0; i < count; ++i) {
        const auto chosen = rotation.next(items, std::span<const bool>(flags.get(), items.size()));
        out += chosen ? items[*chosen].id : "-";
    }
    return out;
}

}  // namespace

TEST_CASE("rotation: table of sequences") {
    struct Row {
        const char* rule;
        const char* items;
        int count;
        const char* expected;
    };
    const Row rows[] = {
        {"equal items: round robin in list order",
         R"({"type": "notice", "id": "a", "title": "x"}, {"type": "notice", "id": "b", "title": "x"},
            {"type": "notice", "id": "c", "title": "x"})",
         6, "abcabc"},
        {"weight 2 among three: every other slot",
         R"({"type": "notice", "id": "a", "title": "x", "weight": 2},
            {"type": "notice", "id": "b", "title": "x"}, {"type": "notice", "id": "c", "title": "x"})",
         8, "abcabaca"},
        {"weight is airtime: a 20 s item plays half as often as a 10 s one",
         R"({"type": "notice", "id": "a", "title": "x", "duration": 20},
            {"type": "notice", "id": "b", "title": "x"}, {"type": "notice", "id": "c", "title": "x"})",
         10, "abcbcabcbc"},
        {"no repeat beats weight: 3:1 between two items alternates",
         R"({"type": "notice", "id": "a", "title": "x", "weight": 3},
            {"type": "notice", "id": "b", "title": "x"})",
         6, "ababab"},
        {"priority: only the highest plays, and alone it may repeat",
         R"({"type": "notice", "id": "a", "title": "x"},
            {"type": "notice", "id": "u", "title": "x", "priority": 5})",
         3, "uuu"},
        {"a single item repeats", R"({"type": "notice", "id": "a", "title": "x"})", 3, "aaa"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.rule);
        CHECK(sequence(keiji::testing::items(row.items), row.count) == row.expected);
    }
}

TEST_CASE("rotation: nothing eligible gives nothing") {
    const auto items = keiji::testing::items(R"({"type": "notice", "id": "a", "title": "x"})");
    CHECK(sequence(items, 2, {false}) == "--");
}

TEST_CASE("rotation: an item that returns neither floods the screen nor waits") {
    const auto items = keiji::testing::items(
        R"({"type": "notice", "id": "a", "title": "x"}, {"type": "notice", "id": "b", "title": "x"},
           {"type": "notice", "id": "c", "title": "x"})");
    schedule::Rotation rotation;
    bool only_ab[] = {true, true, false};
    bool all[] = {true, true, true};
    for (int i = 0; i < 100; ++i) {
        (void)rotation.next(items, only_ab);
    }
    std::map<std::string, int> counts;
    for (int i = 0; i < 30; ++i) {
        counts[items[*rotation.next(items, all)].id]++;
    }
    CHECK(counts["a"] == 10);
    CHECK(counts["b"] == 10);
    CHECK(counts["c"] == 10);
}

TEST_CASE("rotation: pre-empted items resume where they were when the urgent one goes") {
    const auto items = keiji::testing::items(
        R"({"type": "notice", "id": "a", "title": "x"}, {"type": "notice", "id": "b", "title": "x"},
           {"type": "notice", "id": "u", "title": "x", "priority": 10})");
    schedule::Rotation rotation;
    bool normal[] = {true, true, false};
    bool urgent[] = {true, true, true};
    std::string out;
    for (const bool* flags : {normal, normal, normal, urgent, urgent, normal, normal}) {
        out += items[*rotation.next(items, std::span<const bool>(flags, 3))].id;
    }
    CHECK(out == "abauuba");
}

TEST_CASE("rotation: a wall clock that jumps does not stall or skip the order") {
    const auto items = keiji::testing::items(
        R"({"type": "notice", "id": "a", "title": "x"}, {"type": "notice", "id": "b", "title": "x"},
           {"type": "notice", "id": "c", "title": "x"})");
    schedule::Rotation rotation;
    std::string out;
    // A kiosk boots with a clock in 2000, then NTP sets it to 2025, then a correction goes back.
    for (const char* wall : {"2000-01-01T00:00", "2025-05-10T12:00", "2025-05-10T12:00",
                             "2025-05-10T11:00", "2025-05-10T11:00", "2025-05-10T11:00"}) {
        out += items[*rotation.next(items, at(wall), tokyo())].id;
    }
    CHECK(out == "abcabc");
}

TEST_CASE("rotation: refunded airtime is given back") {
    const auto items = keiji::testing::items(
        R"({"type": "notice", "id": "a", "title": "x", "duration": 20},
           {"type": "notice", "id": "b", "title": "x", "duration": 20},
           {"type": "notice", "id": "c", "title": "x", "duration": 20},
           {"type": "notice", "id": "d", "title": "x", "duration": 20})");
    bool all[] = {true, true, true, true};
    // Every time a comes on it is cut at once and its airtime refunded: it is owed its share,
    // so it comes back as often as no-repeat allows (every other slot) instead of 1 in 4.
    const auto slots_of_a = [&](bool refunded) {
        schedule::Rotation rotation;
        int count = 0;
        for (int i = 0; i < 40; ++i) {
            const std::size_t chosen = *rotation.next(items, all);
            if (chosen == 0) {
                ++count;
                if (refunded) {
                    rotation.refund(items, 0, std::chrono::seconds{20});
                }
            }
        }
        return count;
    };
    CHECK(slots_of_a(false) == 10);
    CHECK(slots_of_a(true) >= 19);  // Every other slot, within one.
}
