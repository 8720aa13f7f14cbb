#include "model/time.hpp"

#include <doctest/doctest.h>

using namespace std::chrono;
using keiji::model::parse_date;
using keiji::model::parse_time_of_day;
using keiji::model::parse_timestamp;

TEST_CASE("timestamps: ISO 8601 with an offset, converted to UTC") {
    const auto expected = sys_days{2025y / May / 10} + 2h;  // 11:00 in Tokyo is 02:00 UTC.
    CHECK(parse_timestamp("2025-05-10T11:00:00+09:00") == expected);
    CHECK(parse_timestamp("2025-05-10T11:00+09:00") == expected);
    CHECK(parse_timestamp("2025-05-10T02:00:00Z") == expected);
    CHECK(parse_timestamp("2025-05-10T11:00:00+0900") == std::nullopt);
    CHECK(parse_timestamp("2025-05-10T11:00:00") == std::nullopt);  // No zone: ambiguous.
    CHECK(parse_timestamp("2025-05-10") == std::nullopt);
    CHECK(parse_timestamp("2025-05-10T11:00:00+09:00 junk") == std::nullopt);
    // Found by the alert fuzzer: date::parse converted a NaN on these (undefined behaviour).
    CHECK(parse_timestamp("2099-09-01T1800::00+09:00") == std::nullopt);
    CHECK(parse_timestamp("2025-05-10T11:0a:00+09:00") == std::nullopt);
    CHECK(parse_timestamp("2025-05-10T11:00:00+09:0x") == std::nullopt);
}

TEST_CASE("dates: real calendar dates only") {
    CHECK(parse_date("2028-02-29") == 2028y / February / 29);
    CHECK(parse_date("2027-02-29") == std::nullopt);
    CHECK(parse_date("2025-02-30") == std::nullopt);
    CHECK(parse_date("2025-5-10") == std::nullopt);
    CHECK(parse_date("2025-12-31") == 2025y / December / 31);
}

TEST_CASE("times of day: 00:00 to 24:00") {
    CHECK(parse_time_of_day("00:00")->minutes == 0);
    CHECK(parse_time_of_day("09:30")->minutes == 570);
    CHECK(parse_time_of_day("24:00")->minutes == 1440);
    CHECK(parse_time_of_day("24:01") == std::nullopt);
    CHECK(parse_time_of_day("12:60") == std::nullopt);
    CHECK(parse_time_of_day("9:30") == std::nullopt);
    CHECK(parse_time_of_day("ab:cd") == std::nullopt);
}
