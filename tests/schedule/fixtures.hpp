// Shared helpers for the schedule tests: items written as playlist JSON, times as ISO 8601.
#pragma once

#include <date/tz.h>
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/playlist_parser.hpp"
#include "model/time.hpp"

namespace keiji::testing {

inline const date::time_zone& tokyo() {
    static const date::time_zone* zone = date::locate_zone("Asia/Tokyo");
    return *zone;
}

// "2025-05-10T11:00" is read as Tokyo time; a string with its own offset is read as is.
inline model::TimePoint at(const std::string& text) {
    const bool has_zone = text.ends_with('Z') || text.find('+', 10) != std::string::npos;
    const auto parsed = model::parse_timestamp(has_zone ? text : text + "+09:00");
    REQUIRE_MESSAGE(parsed.has_value(), text);
    return *parsed;
}

inline model::Playlist playlist(const std::string& json) {
    auto parsed = model::parse_playlist_text(json, "test.json");
    if (!parsed) {
        for (const auto& error : parsed.error()) {
            MESSAGE(error.to_string());
        }
    }
    REQUIRE(parsed.has_value());
    return *parsed;
}

inline std::vector<model::Item> items(const std::string& json_items) {
    return playlist("{\"items\": [" + json_items + "]}").items;
}

// A notice with `schedule` (a JSON object, or empty for none).
inline model::Item notice(const std::string& schedule, const std::string& id = "n") {
    const std::string members = schedule.empty() ? std::string() : ", \"schedule\": " + schedule;
    return items(R"({"type": "notice", "id": ")" + id + R"(", "title": "お知らせ")" + members + "}")
        .front();
}

// The 全国連携マルシェin芝浦 of FY2025 (区立プラタナス公園): four weekends, 11:00–16:00.
inline std::string marche_json(int announce_days = 14, const std::string& extra = "") {
    std::string sessions;
    for (const char* day : {"2025-05-10", "2025-05-11", "2025-10-18", "2025-10-19", "2025-11-29",
                            "2025-11-30", "2026-03-21", "2026-03-22"}) {
        sessions += std::string(sessions.empty() ? "" : ", ") + R"({"start": ")" + day +
                    R"(T11:00:00+09:00", "end": ")" + day + R"(T16:00:00+09:00"})";
    }
    return R"({"type": "event", "id": "marche", "title": "全国連携マルシェin芝浦",
               "venue": "区立プラタナス公園", "announce_days": )" +
           std::to_string(announce_days) + R"(, "sessions": [)" + sessions + "]" + extra + "}";
}

}  // namespace keiji::testing
