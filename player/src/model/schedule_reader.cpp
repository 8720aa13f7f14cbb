#include "model/schedule_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace keiji::model {

namespace {

constexpr std::array<std::string_view, 7> weekday_names = {"sun", "mon", "tue", "wed",
                                                           "thu", "fri", "sat"};

std::optional<std::chrono::year_month_day> read_date(ObjectReader& reader, std::string_view name) {
    const auto text = reader.string(name, Presence::optional);
    if (!text) {
        return std::nullopt;
    }
    const auto date = parse_date(*text);
    if (!date) {
        reader.fail(name, {fmt::format("\"{}\" is not a date; write it as YYYY-MM-DD, e.g. "
                                       "2025-05-10",
                                       *text),
                           fmt::format("「{}」は日付として読めません。2025-05-10 のように "
                                       "YYYY-MM-DD で書いてください",
                                       *text)});
    }
    return date;
}

std::optional<TimeOfDay> read_time_of_day(ObjectReader& reader, std::string_view name) {
    const auto text = reader.string(name, Presence::required);
    if (!text) {
        return std::nullopt;
    }
    const auto time = parse_time_of_day(*text);
    if (!time) {
        reader.fail(name, {fmt::format("\"{}\" is not a time; write it as HH:MM from 00:00 to "
                                       "24:00, e.g. 09:30",
                                       *text),
                           fmt::format("「{}」は時刻として読めません。09:30 のように 00:00〜24:00 "
                                       "の HH:MM で書いてください",
                                       *text)});
    }
    return time;
}

}  // namespace

std::optional<TimePoint> read_timestamp(ObjectReader& reader, std::string_view name) {
    const auto text = reader.string(name, Presence::required);
    if (!text) {
        return std::nullopt;
    }
    const auto time = parse_timestamp(*text);
    if (!time) {
        reader.fail(name, {fmt::format("\"{}\" is not a date and time with a time zone; write it "
                                       "like 2025-05-10T11:00:00+09:00",
                                       *text),
                           fmt::format("「{}」は日時として読めません。2025-05-10T11:00:00+09:00 "
                                       "のようにタイムゾーン付きで書いてください",
                                       *text)});
    }
    return time;
}

ItemSchedule read_schedule(const JsonDocument& document, const std::string& pointer,
                           Errors& errors) {
    ItemSchedule schedule;
    ObjectReader reader(document, pointer, errors, {"from", "until", "weekdays", "times"});
    schedule.from = read_date(reader, "from");
    schedule.until = read_date(reader, "until");
    if (schedule.from && schedule.until && *schedule.until < *schedule.from) {
        reader.fail("until", {"\"until\" is before \"from\": the item would never play",
                              "「until」が「from」より前です。この項目は一度も表示されません"});
    }
    if (const auto* weekdays = reader.array("weekdays", Presence::optional)) {
        schedule.weekdays.fill(false);
        for (std::size_t i = 0; i < weekdays->size(); ++i) {
            const auto& day = (*weekdays)[i];
            const auto found =
                day.is_string()
                    ? std::find(weekday_names.begin(), weekday_names.end(), day.get<std::string>())
                    : weekday_names.end();
            if (found == weekday_names.end()) {
                reader.fail_at(append_pointer(reader.member_pointer("weekdays"), i),
                               {"a weekday must be one of \"mon\", \"tue\", \"wed\", \"thu\", "
                                "\"fri\", \"sat\", \"sun\"",
                                "曜日は \"mon\" \"tue\" \"wed\" \"thu\" \"fri\" \"sat\" \"sun\" "
                                "のいずれかで書いてください"});
                continue;
            }
            schedule.weekdays[std::size_t(found - weekday_names.begin())] = true;
        }
    }
    if (const auto* times = reader.array("times", Presence::optional)) {
        for (std::size_t i = 0; i < times->size(); ++i) {
            ObjectReader window(document, append_pointer(reader.member_pointer("times"), i), errors,
                                {"from", "until"});
            const auto start = read_time_of_day(window, "from");
            const auto end = read_time_of_day(window, "until");
            if (start && end) {
                if (*start == *end) {
                    window.fail("until", {"a time window cannot start and end at the same time",
                                          "時間帯の開始と終了が同じです"});
                }
                schedule.windows.push_back(TimeWindow{*start, *end});
            }
        }
    }
    return schedule;
}

// The playlist's opening hours: the same members as an item's schedule, plus "outside_hours".
std::optional<OpeningHours> read_opening_hours(const JsonDocument& document, ObjectReader& reader,
                                               Errors& errors) {
    const auto outside = reader.string("outside_hours", Presence::optional);
    if (!reader.has("opening_hours")) {
        if (outside) {
            reader.fail("outside_hours",
                        {"\"outside_hours\" needs \"opening_hours\": without them the screen is "
                         "never outside its hours",
                         "「outside_hours」には「opening_hours」が必要です。営業時間がなければ"
                         "時間外はありません"});
        }
        return std::nullopt;
    }
    OpeningHours hours;
    hours.hours = read_schedule(document, reader.member_pointer("opening_hours"), errors);
    if (outside == "blank") {
        hours.outside = OutsideHours::blank;
    } else if (outside && *outside != "still") {
        reader.fail("outside_hours",
                    {"\"outside_hours\" must be \"still\" (name and clock) or \"blank\"",
                     "「outside_hours」は \"still\"(名称と時計)か \"blank\"(消灯)に"
                     "してください"});
    }
    return hours;
}

}  // namespace keiji::model
