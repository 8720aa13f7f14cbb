#include "render/clock_face.hpp"

#include <doctest/doctest.h>

using namespace std::chrono;

TEST_CASE("clock face: date with 曜日 and 24-hour time in Tokyo") {
    const auto& tokyo = *date::locate_zone("Asia/Tokyo");
    // 07:31 UTC is 16:31 in Tokyo.
    const auto face =
        keiji::render::format_clock(sys_days{2026y / November / 24} + 7h + 31min, tokyo);
    CHECK(face.date == "2026年11月24日(火)");
    CHECK(face.time == "16:31");
    // 15:05 UTC on the 31st is already the next day, and the next year, in Tokyo.
    const auto new_year =
        keiji::render::format_clock(sys_days{2025y / December / 31} + 15h + 5min, tokyo);
    CHECK(new_year.date == "2026年1月1日(木)");
    CHECK(new_year.time == "00:05");
}

TEST_CASE("clock face: 令和 era date when the theme asks for it") {
    const auto& tokyo = *date::locate_zone("Asia/Tokyo");
    using keiji::render::DateStyle;
    CHECK(keiji::render::format_clock(sys_days{2026y / November / 24} + 7h, tokyo,
                                      DateStyle::japanese_era)
              .date == "令和8年11月24日(火)");
    CHECK(keiji::render::japanese_era_year(date::year{2019} / date::May / 1) == "令和元年");
    CHECK(keiji::render::japanese_era_year(date::year{2019} / date::April / 30) == "2019年");
}

TEST_CASE("clock face: 最終更新 only when the last sync is older than the threshold") {
    const auto& tokyo = *date::locate_zone("Asia/Tokyo");
    using keiji::render::last_update_note;
    const auto synced = sys_days{2026y / November / 24} + 0h + 5min;  // 09:05 in Tokyo.
    CHECK(last_update_note(synced, synced + 59min, 60min, tokyo).empty());
    CHECK(last_update_note(synced, synced + 60min, 60min, tokyo).empty());
    CHECK(last_update_note(synced, synced + 61min, 60min, tokyo) == "最終更新 11月24日 09:05");
    CHECK(last_update_note(synced, synced + 72h, 60min, tokyo) == "最終更新 11月24日 09:05");
    CHECK(last_update_note(std::nullopt, synced + 72h, 60min, tokyo).empty());
    CHECK(last_update_note(synced, synced + 72h, 0min, tokyo).empty());
}
