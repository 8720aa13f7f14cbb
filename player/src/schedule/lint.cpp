#include "schedule/lint.hpp"

#include <fmt/format.h>

#include "schedule/local_time.hpp"
#include "schedule/next_change.hpp"

namespace keiji::schedule {

namespace {

// Where the search for a first eligible instant starts: the first day the item could play, or,
// for an item that always could, any week (the weekly pattern repeats).
model::TimePoint search_start(const model::Item& item, const date::time_zone& zone) {
    using namespace std::chrono;
    const model::ItemSchedule& schedule = item.schedule;
    if (schedule.from) {
        return local_midnight(*schedule.from, zone);
    }
    if (const auto* event = std::get_if<model::EventContent>(&item.content);
        event != nullptr && !event->sessions.empty()) {
        const auto first_day = to_local(event->sessions.front().start, zone).date;
        return local_midnight(add_days(first_day, -event->announce_days), zone);
    }
    if (schedule.until) {
        return local_midnight(add_days(*schedule.until, -8), zone);
    }
    return local_midnight(2000y / January / 3, zone);  // A Monday.
}

}  // namespace

bool never_plays(const model::Item& item, const date::time_zone& zone) {
    return !first_eligible(item, search_start(item, zone), zone).has_value();
}

model::Errors schedule_warnings(const model::Playlist& playlist, const date::time_zone& zone) {
    model::Errors warnings;
    for (const model::Item& item : playlist.items) {
        if (!never_plays(item, zone)) {
            continue;
        }
        warnings.push_back(model::Error{
            .where = item.where,
            .message = {fmt::format("item \"{}\" never plays: no day in its date range has an "
                                    "allowed weekday and time window{}",
                                    item.id,
                                    std::holds_alternative<model::EventContent>(item.content)
                                        ? " while the event is announced"
                                        : ""),
                        fmt::format("項目「{}」は一度も表示されません。期間・曜日・時間帯{}"
                                    "が重なる日時がありません",
                                    item.id,
                                    std::holds_alternative<model::EventContent>(item.content)
                                        ? "とイベントの告知期間"
                                        : "")},
            .severity = model::Severity::warning});
    }
    return warnings;
}

}  // namespace keiji::schedule
