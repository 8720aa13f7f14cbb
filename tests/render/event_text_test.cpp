#include "render/event_text.hpp"

#include <doctest/doctest.h>

#include "model/time.hpp"

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
