#pragma once

#include <date/tz.h>

#include <optional>
#include <span>

#include "model/item.hpp"

namespace keiji::schedule {

// Chooses what plays next. Among the items eligible at `now`, only those of the highest priority
// take part; they play in list order, round robin, starting after the one that played last.
// Deterministic: the same inputs always give the same answer.
class Rotation {
public:
    // The index into `items` of the next item to show, or nullopt when nothing is eligible.
    [[nodiscard]] std::optional<std::size_t> next(std::span<const model::Item> items,
                                                  model::TimePoint now,
                                                  const date::time_zone& zone);

    // Forget what played last (after the content changed).
    void reset() { m_last.reset(); }

private:
    std::optional<std::size_t> m_last;
};

}  // namespace keiji::schedule
