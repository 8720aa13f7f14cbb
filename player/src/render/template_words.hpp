#pragma once

#include <array>
#include <string>
#include <string_view>

namespace keiji::render {

// The templates' own words (not the staff's), in the language a slide is shown in, so an English
// slide says "Venue" and "Today", not 会場 and 本日開催. Languages without words here use the
// Japanese ones: the ward's language is the fallback of every other, as for content.
struct TemplateWords {
    std::string_view footer;     // The programme's line in the footer band.
    std::string_view qr_hint;    // Beside a promo's QR code.
    std::string_view notice;     // A notice's badge.
    std::string_view important;  // An important notice's badge.
    std::string_view when;       // An event's date label chip.
    std::string_view where;      // An event's venue label chip.
    std::string_view running;    // A session is under way.
    std::string_view today;      // A session is today.
    std::string_view days_left;  // Before the first session: {} is the number of days.
    std::string_view day_left;   // The same for exactly one day, where the language needs it.
    // An event's dates: the month's name (1 = January), the weekday's short name (0 = Sunday),
    // what joins days ("29・30"), what spans them ("1〜5", "11:00〜16:00").
    std::array<std::string_view, 12> months;
    std::array<std::string_view, 7> weekdays;
    std::string_view and_day;
    std::string_view range;
    std::string_view day_and_weekday;  // "29(土)", "29 (Sat)": {0} the day, {1} the weekday.
};

[[nodiscard]] const TemplateWords& words_for(std::string_view language);

// "11月", "Nov", "11월": month 1 to 12.
[[nodiscard]] std::string_view month_name(std::string_view language, unsigned month);
// "土", "Sat", "六", "토": weekday 0 (Sunday) to 6.
[[nodiscard]] std::string_view weekday_name(std::string_view language, unsigned weekday);

// "あと 3 日", "3 days to go", "还有 3 天"...
[[nodiscard]] std::string days_left_text(std::string_view language, int days);

}  // namespace keiji::render
