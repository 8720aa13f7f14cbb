#include "render/clock_face.hpp"

#include <fmt/format.h>

namespace keiji::render {

const char* japanese_weekday(unsigned weekday) {
    static constexpr const char* names[] = {"日", "月", "火", "水", "木", "金", "土"};
    return names[weekday % 7];
}

std::string japanese_era_year(const date::year_month_day& day) {
    using namespace date::literals;
    if (day < date::year_month_day{2019_y / date::May / 1}) {
        return fmt::format("{}年", int(day.year()));
    }
    const int reiwa = int(day.year()) - 2018;
    return reiwa == 1 ? std::string("令和元年") : fmt::format("令和{}年", reiwa);
}

ClockFace format_clock(model::TimePoint now, const date::time_zone& zone, DateStyle style) {
    const auto local = zone.to_local(now);
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss clock{std::chrono::duration_cast<std::chrono::minutes>(local - day)};
    return ClockFace{
        .date = fmt::format("{}{}月{}日({})",
                            style == DateStyle::japanese_era ? japanese_era_year(ymd)
                                                             : fmt::format("{}年", int(ymd.year())),
                            unsigned(ymd.month()), unsigned(ymd.day()),
                            japanese_weekday(date::weekday{day}.c_encoding())),
        .time = fmt::format("{:02}:{:02}", clock.hours().count(), clock.minutes().count())};
}

std::string last_update_note(std::optional<model::TimePoint> last_sync, model::TimePoint now,
                             std::chrono::minutes stale_after, const date::time_zone& zone) {
    if (!last_sync || stale_after.count() <= 0 || now - *last_sync <= stale_after) {
        return {};
    }
    const auto local = zone.to_local(*last_sync);
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss clock{std::chrono::duration_cast<std::chrono::minutes>(local - day)};
    return fmt::format("最終更新 {}月{}日 {:02}:{:02}", unsigned(ymd.month()), unsigned(ymd.day()),
                       clock.hours().count(), clock.minutes().count());
}

}  // namespace keiji::render
