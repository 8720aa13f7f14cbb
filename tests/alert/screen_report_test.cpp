// What the office makes of the screens' reports: presence, status and receipts as the broker
// hands them over, including the ones that must not be believed.
#include "alert/screen_report.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

namespace keiji::alert {

namespace {

model::TimePoint at(std::string_view text) {
    return *model::parse_timestamp(text);
}

std::string status(std::string_view screen, std::string_view time, std::string_view on_screen) {
    return nlohmann::json{{"screen", screen},       {"tags", {"shibaura", "floor-1"}},
                          {"time", time},           {"version", "0.1.0"},
                          {"on_screen", on_screen}, {"mode", "normal"},
                          {"last_sync", nullptr},   {"active_alerts", nlohmann::json::array()}}
        .dump();
}

}  // namespace

TEST_CASE("fleet: presence, the last status and the receipt of each screen") {
    Fleet fleet("keiji/screens");
    CHECK_FALSE(fleet.take("keiji/screens/s01/presence", presence_message("s01", true)));
    CHECK_FALSE(fleet.take("keiji/screens/s01/status",
                           status("s01", "2026-09-01T01:00:00Z", "promo-gujo-odori")));
    CHECK_FALSE(fleet.take("keiji/screens/s02/status",
                           status("s02", "2026-09-01T00:58:00Z", "notice-tax")));
    CHECK_FALSE(fleet.take("keiji/screens/s02/presence", presence_message("s02", false)));
    REQUIRE(fleet.screens().size() == 2);
    const ScreenState& first = fleet.screens().at("s01");
    CHECK(first.online);
    CHECK(first.on_screen == "promo-gujo-odori");
    CHECK(first.tags == std::vector<std::string>{"shibaura", "floor-1"});
    CHECK(first.last_seen == at("2026-09-01T01:00:00Z"));
    // Offline, and still what it last said and when: the will does not erase the status.
    const ScreenState& second = fleet.screens().at("s02");
    CHECK_FALSE(second.online);
    CHECK(second.last_seen == at("2026-09-01T00:58:00Z"));
    CHECK(second.on_screen == "notice-tax");

    Alert rain{.identifier = "minato-rain-1", .sequence = 2};
    CHECK_FALSE(fleet.take("keiji/screens/s01/receipt",
                           alert_receipt("s01", rain, at("2026-09-01T01:00:01Z"))));
    const AlertReach reach = fleet.reach("minato-rain-1", 2);
    REQUIRE(reach.shown.size() == 1);
    CHECK(reach.shown.front().first == "s01");
    CHECK(reach.shown.front().second == at("2026-09-01T01:00:01Z"));
    CHECK(reach.not_shown == std::vector<std::string>{"s02"});
    // Sequence 2 shown is not the update with sequence 3, nor another alert.
    CHECK(fleet.reach("minato-rain-1", 3).shown.empty());
    CHECK(fleet.reach("minato-quake-1", 1).shown.empty());
    CHECK(fleet.reach("minato-rain-1", 1).shown.size() == 1);
}

TEST_CASE("fleet: what is not a screen's own report is set aside with the reason") {
    Fleet fleet("keiji/screens");
    // A message naming another screen than its topic (the ACL lets a screen write only under
    // its own id, but the office believes neither).
    const auto forged = fleet.take("keiji/screens/s01/presence", presence_message("s02", false));
    REQUIRE(forged);
    CHECK(forged->find("s02") != std::string::npos);
    CHECK(fleet.take("keiji/screens/s01/status", "not json {"));
    CHECK(fleet.take("keiji/screens/s01/status", "[1, 2]"));
    CHECK(fleet.take("keiji/screens/s01/mood", presence_message("s01", true)));
    CHECK(fleet.take("keiji/other/s01/status", presence_message("s01", true)));
    CHECK(fleet.take("keiji/screens//status", presence_message("", true)));
    CHECK(fleet.take("keiji/screens/s01/receipt",
                     R"({"screen": "s01", "identifier": "x", "sequence": "2"})"));
    // An empty retained message (a cleared topic) says nothing and is no mistake.
    CHECK_FALSE(fleet.take("keiji/screens/s01/status", ""));
    // None of it made a screen appear.
    CHECK(fleet.screens().empty());
}

}  // namespace keiji::alert

namespace keiji::alert {

TEST_CASE("fleet: two alerts in force, each one's reach, though the retained receipt is the last") {
    Fleet fleet("keiji/screens");
    nlohmann::json report = nlohmann::json::parse(status("s01", "2026-09-01T01:02:00Z", "x"));
    report["active_alerts"] = {"minato-rain-1", "minato-quake-1"};
    report["receipts"] = {
        {{"identifier", "minato-rain-1"}, {"sequence", 2}, {"shown_at", "2026-09-01T01:00:01Z"}},
        {{"identifier", "minato-quake-1"}, {"sequence", 1}, {"shown_at", "2026-09-01T01:01:30Z"}},
        {{"identifier", "broken"}, {"sequence", "two"}, {"shown_at", "2026-09-01T01:01:30Z"}},
        "not an object"};
    // The receipt retained on the broker is the quake's, the newer one.
    const Alert quake{.identifier = "minato-quake-1", .sequence = 1};
    CHECK_FALSE(fleet.take("keiji/screens/s01/receipt",
                           alert_receipt("s01", quake, at("2026-09-01T01:01:30Z"))));
    CHECK_FALSE(fleet.take("keiji/screens/s01/status", report.dump()));
    CHECK_FALSE(fleet.take("keiji/screens/s02/status", status("s02", "2026-09-01T01:02:00Z", "y")));

    const AlertReach rain = fleet.reach("minato-rain-1", 2);
    REQUIRE(rain.shown.size() == 1);
    CHECK(rain.shown.front() == std::pair{std::string("s01"), at("2026-09-01T01:00:01Z")});
    CHECK(rain.not_shown == std::vector<std::string>{"s02"});
    CHECK(fleet.reach("minato-quake-1", 1).shown.size() == 1);
    CHECK(fleet.screens().at("s01").receipts.size() == 2);  // The broken entries are left out.

    // An older status arriving after a newer receipt does not take the newer sequence back.
    const Alert rain_update{.identifier = "minato-rain-1", .sequence = 3};
    CHECK_FALSE(fleet.take("keiji/screens/s01/receipt",
                           alert_receipt("s01", rain_update, at("2026-09-01T01:03:00Z"))));
    CHECK_FALSE(fleet.take("keiji/screens/s01/status", report.dump()));
    CHECK(fleet.reach("minato-rain-1", 3).shown.size() == 1);
}

}  // namespace keiji::alert
