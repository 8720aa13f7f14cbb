#include "render/event_text.hpp"

#include <doctest/doctest.h>

#include "model/time.hpp"
#include "render/template_words.hpp"

using keiji::model::parse_timestamp;
using keiji::model::Session;

namespace {

Session session(const char* start, const char* end) {
    return Session{*parse_timestamp(start), *parse_timestamp(end)};
}

}  // namespace

TEST_CASE("event text: session days written compactly, month once per month") {
    const auto& tokyo = *date::locate_zone("Asia/Tokyo");
    const std::vector<Session> weekend = {
        session("2025-05-10T11:00+09:00", "2025-05-10T16:00+09:00"),
        session("2025-05-11T11:00+09:00", "2025-05-11T16:00+09:00")};
    CHECK(keiji::render::format_session_days(weekend, tokyo) == "5/10(土)・11(日)");
    CHECK(keiji::render::format_session_hours(weekend, tokyo) == "11:00〜16:00");

    const std::vector<Session> across_months = {
        session("2025-11-30T11:00+09:00", "2025-11-30T16:00+09:00"),
        session("2025-12-01T11:00+09:00", "2025-12-01T16:00+09:00")};
    CHECK(keiji::render::format_session_days(across_months, tokyo) == "11/30(日)・12/1(月)");

    const std::vector<Session> overnight = {
        session("2025-08-01T18:00+09:00", "2025-08-02T01:30+09:00")};
    CHECK(keiji::render::format_session_hours(overnight, tokyo) == "18:00〜25:30");
}

TEST_CASE("event text: an English, Chinese or Korean slide names its days in its own language") {
    // The 港区民まつり weekend of seed 003: a slide in English must not say 土 and 日.
    const auto& tokyo = *date::locate_zone("Asia/Tokyo");
    const std::vector<Session> weekend = {
        session("2025-10-11T10:00+09:00", "2025-10-11T16:00+09:00"),
        session("2025-10-12T10:00+09:00", "2025-10-12T16:00+09:00")};
    CHECK(keiji::render::format_session_days(weekend, tokyo, "en") == "10/11 (Sat), 12 (Sun)");
    CHECK(keiji::render::format_session_hours(weekend, tokyo, "en") == "10:00–16:00");
    CHECK(keiji::render::format_session_days(weekend, tokyo, "zh-Hans") == "10/11(周六)、12(周日)");
    CHECK(keiji::render::format_session_days(weekend, tokyo, "ko") == "10/11(토), 12(일)");
    CHECK(keiji::render::format_session_days(weekend, tokyo, "ja-x-easy") == "10/11(ど)・12(にち)");
    // A language without words of its own reads as Japanese, the ward's fallback.
    CHECK(keiji::render::format_session_days(weekend, tokyo, "vi") == "10/11(土)・12(日)");
}

TEST_CASE("template words: month and weekday names for the date block") {
    using keiji::render::month_name;
    using keiji::render::weekday_name;
    CHECK(month_name("ja", 11) == "11月");
    CHECK(month_name("en", 11) == "Nov");
    CHECK(month_name("en", 1) == "Jan");
    CHECK(month_name("en", 12) == "Dec");
    CHECK(month_name("ko", 3) == "3월");
    CHECK(weekday_name("ja", 6) == "土");
    CHECK(weekday_name("en", 0) == "Sun");
    CHECK(weekday_name("zh-Hans", 6) == "周六");
}
