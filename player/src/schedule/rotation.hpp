#pragma once

#include <date/tz.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <vector>

#include "model/item.hpp"

namespace keiji::schedule {

// Chooses what plays next: deterministic, fair by airtime, never the same item twice in a row
// while another can play.
//
// - Priority: among the eligible items only those of the highest priority take part; the others
//   wait (they are pre-empted: when the higher priority goes they resume in the order they had,
//   without being owed airtime for the time they waited).
// - Weight: among those, each item gets airtime in proportion to its weight. This is start-time
//   fair queueing on airtime: every item has a virtual time (its airtime divided by its weight),
//   and the item with the lowest one plays next; ties go to the heavier item, then to the one
//   shown least recently, then to list order (so the first pass follows the list). Over any
//   stretch in which the eligible set stays the same, an item's airtime is within one slot of
//   its share.
// - An item that becomes eligible again (its window opens) starts at the current virtual time,
//   so it neither floods the screen with "owed" airtime nor waits for the others to catch up.
// - No repeat wins over weight: the item that played last sits out while another candidate
//   exists. A back-to-back repeat looks like a frozen screen in a lobby, which is worse than a
//   heavy item getting a little less than its share. Weights are therefore met exactly when they
//   are feasible without repeats (no item needs more than every other slot); beyond that the
//   heaviest item gets every other slot and the others share the rest by weight.
//
// Only airtime and order are remembered, never a wall-clock time, so a wall-clock jump changes
// what is eligible but cannot stall or skip the rotation.
class Rotation {
public:
    // The index into `items` of the next item to show among those with `eligible[i]` true, or
    // nullopt when none is. Charges that item's full duration; see refund(). `eligible` has one
    // entry per item.
    [[nodiscard]] std::optional<std::size_t> next(std::span<const model::Item> items,
                                                  std::span<const bool> eligible);

    // The same, deciding eligibility with is_eligible() at `now` (the wall clock).
    [[nodiscard]] std::optional<std::size_t> next(std::span<const model::Item> items,
                                                  model::TimePoint now,
                                                  const date::time_zone& zone);

    // Gives back airtime charged by next() but not shown (the slot was cut short because the item
    // stopped being eligible or was pre-empted), so the item is not short-changed later.
    void refund(std::span<const model::Item> items, std::size_t index,
                std::chrono::seconds not_shown);

    // Forget all history (after the content changed).
    void reset();

private:
    void fit(std::size_t count);

    std::vector<double> m_finish;           // Per item: airtime / weight it has been given so far.
    std::vector<bool> m_was_candidate;      // Per item: took part in the previous choice.
    std::vector<std::uint64_t> m_shown_at;  // Per item: m_choices when it was last chosen, 0 never.
    std::uint64_t m_choices = 0;
    // Per priority: the lowest m_finish among the last candidates of that priority; never
    // decreases. Separate per priority so that an urgent item's airtime does not move the clock
    // of the items it pre-empts: they resume in the order they had.
    std::map<int, double> m_virtual_now;
    std::optional<std::size_t> m_last;
};

}  // namespace keiji::schedule
