// Alert payload parsing: every mistake located, in English and Japanese.
#include "alert/alert_parser.hpp"

#include <doctest/doctest.h>

#include "alert_fixtures.hpp"

using namespace keiji;

TEST_CASE("alert parser: a full payload") {
    auto payload = test::alert_payload("minato-2026-0901-001", 3, "Update", 4);
    payload["references"] = {
        "bousai@city.minato.tokyo.jp,minato-2026-0901-000,2026-09-01T09:00:00+09:00"};
    const auto alert = alert::parse_alert(payload.dump(2), "alert.json");
    REQUIRE(alert.has_value());
    CHECK(alert->identifier == "minato-2026-0901-001");
    CHECK(alert->message_type == alert::MessageType::update);
    CHECK(alert->status == alert::Status::actual);
    CHECK(alert->sequence == 3);
    CHECK(alert->level == 4);
    CHECK(alert->references == std::vector<std::string>{"minato-2026-0901-000"});
    CHECK(alert->area == "東京都港区");
    REQUIRE(alert->shelters.size() == 1);
    CHECK(alert->shelters[0].name.pick("en") == "Shiba Elementary School");
    CHECK(alert->info_for("en")->headline == "Evacuation order for Minato City");
    CHECK(alert->info_for("ko")->language == "ja");
}

TEST_CASE("alert parser: broken payloads fail with located errors") {
    struct Case {
        const char* name;
        std::function<void(nlohmann::json&)> damage;
        const char* expected;  // A part of the first error.
    };
    const Case cases[] = {
        {"level out of range", [](auto& p) { p["level"] = 6; }, "/level"},
        {"unknown status", [](auto& p) { p["status"] = "Real"; }, "Actual, Exercise, Test"},
        {"unknown msgType", [](auto& p) { p["msgType"] = "Ack"; }, "/msgType"},
        {"missing identifier", [](auto& p) { p.erase("identifier"); }, "identifier"},
        {"expires without offset", [](auto& p) { p["expires"] = "2026-09-01T18:00:00"; },
         "/expires"},
        {"expires before sent", [](auto& p) { p["expires"] = "2026-09-01T09:00:00+09:00"; },
         "after \"sent\""},
        {"no info", [](auto& p) { p["info"] = nlohmann::json::array(); }, "at least one"},
        {"typo in a field", [](auto& p) { p["headlien"] = "x"; }, "headlien"},
        {"bad language tag", [](auto& p) { p["info"][0]["language"] = "jp"; }, "/info/0/language"},
        {"private scope", [](auto& p) { p["scope"] = "Private"; }, "Public"},
    };
    for (const Case& entry : cases) {
        CAPTURE(entry.name);
        auto payload = test::alert_payload("a", 1);
        entry.damage(payload);
        const auto alert = alert::parse_alert(payload.dump(2), "alert.json");
        REQUIRE_FALSE(alert.has_value());
        const std::string first = alert.error().front().to_string();
        CAPTURE(first);
        CHECK(first.find(entry.expected) != std::string::npos);
        CHECK(first.starts_with("alert.json:"));
        CHECK_FALSE(alert.error().front().message.ja.empty());
    }
}

TEST_CASE("alert parser: a Cancel needs neither level nor texts") {
    nlohmann::json cancel = test::alert_payload("a", 2, "Cancel");
    cancel.erase("level");
    cancel.erase("info");
    CHECK(alert::parse_alert(cancel.dump(), "cancel.json").has_value());
}
