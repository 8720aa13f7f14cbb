// The CAP bridge's pure parts: reading a source (a CAP document, an ATOM feed linking to CAP or
// carrying it) and deciding, by area, severity and status, what reaches the screens. Real
// documents from tests/alert/data/cap (README.md there says where each comes from).
#include "alert/cap_bridge.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "alert/alert_parser.hpp"
#include "alert/cap_feed.hpp"
#include "alert_fixtures.hpp"
#include "test_paths.hpp"

using namespace keiji;

namespace {

std::string cap_file(const std::string& name) {
    std::ifstream stream(test::source_path("tests/alert/data/cap/" + name));
    std::ostringstream contents;
    contents << stream.rdbuf();
    return contents.str();
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

// The NWS thunderstorm warning (Severe, three Californian counties) is in force at 15:30 PDT.
const model::TimePoint during_storm = test::at("2003-06-17T15:30:00-07:00");

alert::BridgeDecision decide(const std::string& xml, const alert::BridgeRules& rules,
                             const alert::BridgeMemory& memory = {},
                             model::TimePoint now = during_storm) {
    return alert::decide_cap(xml, rules, memory, now);
}

}  // namespace

TEST_CASE("cap bridge: the NWS ATOM index gives the CAP document of each entry to fetch") {
    const auto entries = alert::read_cap_source(cap_file("nws-atom-index.xml"),
                                                "https://alerts.weather.gov/cap/us.php?x=0");
    REQUIRE_MESSAGE(entries.has_value(), entries.error().text());
    REQUIRE(entries->size() == 2);
    CHECK((*entries)[0].cap_xml.empty());
    CHECK((*entries)[0].cap_url.starts_with(
        "https://alerts.weather.gov/cap/wwacapget.php?x=AK125AB652A170.HighWindWarning"));
    CHECK((*entries)[0].key != (*entries)[1].key);
}

TEST_CASE("cap bridge: a CAP document as the source is its one entry") {
    const std::string xml = cap_file("oasis-a2-thunderstorm.xml");
    const auto entries = alert::read_cap_source(xml, "file:///srv/cap/storm.xml");
    REQUIRE(entries.has_value());
    REQUIRE(entries->size() == 1);
    CHECK((*entries)[0].cap_xml == xml);
}

TEST_CASE("cap bridge: CAP inside an ATOM entry, its namespace declared on the feed") {
    std::string alert = cap_file("prefixed-thunderstorm.xml");
    alert = alert.substr(alert.find("<cap:alert"));
    alert = replaced(alert, "xmlns:cap=\"urn:oasis:names:tc:emergency:cap:1.2\"", "");
    const std::string feed =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
        "xmlns:cap=\"urn:oasis:names:tc:emergency:cap:1.2\"><title>t</title>"
        "<entry><id>urn:storm</id><updated>2003-06-17T14:57:00-07:00</updated>"
        "<content type=\"text/xml\">" +
        alert + "</content></entry></feed>";
    const auto entries = alert::read_cap_source(feed, "https://agency.example/feed.atom");
    REQUIRE_MESSAGE(entries.has_value(), entries.error().text());
    REQUIRE(entries->size() == 1);
    const auto imported = alert::import_cap((*entries)[0].cap_xml, {});
    REQUIRE_MESSAGE(imported.has_value(), imported.error().text());
    CHECK(imported->payload.contains("KSTO1055887203"));
}

TEST_CASE("cap bridge: links are made absolute and a web feed cannot point at a local file") {
    CHECK(alert::resolve_url("https://a.example/cap/feed.atom", "one.xml") ==
          "https://a.example/cap/one.xml");
    CHECK(alert::resolve_url("https://a.example/cap/feed.atom?x=1", "/alerts/one.xml") ==
          "https://a.example/alerts/one.xml");
    CHECK(alert::resolve_url("file:///srv/cap/feed.atom", "one.xml") == "file:///srv/cap/one.xml");
    const std::string feed =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        "<entry><id>a</id><link rel=\"self\" href=\"self.atom\"/>"
        "<link type=\"application/cap+xml\" href=\"a.cap\"/></entry>"
        "<entry><id>b</id><link href=\"file:///etc/passwd\"/></entry>"
        "<entry><id>c</id><title>no link, no CAP: left out</title></entry></feed>";
    const auto entries = alert::read_cap_source(feed, "https://a.example/cap/feed.atom");
    REQUIRE(entries.has_value());
    REQUIRE(entries->size() == 2);
    CHECK((*entries)[0].cap_url == "https://a.example/cap/a.cap");
    CHECK((*entries)[1].cap_url.empty());
    CHECK((*entries)[1].problem.contains("file:///etc/passwd"));
}

TEST_CASE("cap bridge: a DOCTYPE, an RSS feed and broken XML are refused with the reason") {
    const auto doctype = alert::read_cap_source(
        "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        "<feed>&x;</feed>",
        "https://a.example/");
    REQUIRE_FALSE(doctype.has_value());
    CHECK(doctype.error().text().contains("DOCTYPE"));
    const auto rss = alert::read_cap_source("<rss version=\"2.0\"><channel/></rss>", "");
    REQUIRE_FALSE(rss.has_value());
    CHECK(rss.error().text().contains("<rss>"));
    CHECK_FALSE(alert::read_cap_source("<feed><entry>", "").has_value());
}

TEST_CASE("cap bridge: a message passes when it names an area the ward asked for") {
    const std::string storm = cap_file("oasis-a2-thunderstorm.xml");
    const auto by_description = decide(storm, {.areas = {"tuolumne county"}});
    REQUIRE(by_description.payload.has_value());
    CHECK(by_description.identifier == "KSTO1055887203");
    CHECK(by_description.summary == "level 4, Severe, tuolumne county");
    CHECK(alert::parse_alert(*by_description.payload, "bridge").has_value());

    CHECK(decide(storm, {.areas = {"006009"}}).payload.has_value());  // A SAME geocode.
    const auto elsewhere = decide(storm, {.areas = {"港区", "131032"}});
    CHECK_FALSE(elsewhere.payload.has_value());
    CHECK(elsewhere.summary.contains("names 港区, 131032"));
    CHECK_FALSE(decide(storm, {.areas = {"0060"}}).payload.has_value());    // Codes are whole.
    CHECK_FALSE(decide(storm, {.areas = {"tuolum"}}).payload.has_value());  // Words are whole.
    CHECK(decide(storm, {}).payload.has_value());  // No area asked: every area.
}

TEST_CASE("cap bridge: severity below the rule, drills, expired and repeated messages stay out") {
    const std::string storm = cap_file("oasis-a2-thunderstorm.xml");
    const auto mild = decide(storm, {.min_severity = "Extreme"});
    CHECK_FALSE(mild.payload.has_value());
    CHECK(mild.summary == "severity Severe is below Extreme");

    const std::string drill =
        replaced(storm, "<status>Actual</status>", "<status>Exercise</status>");
    CHECK(decide(drill, {}).summary.contains("status Exercise"));
    CHECK_FALSE(decide(drill, {}).payload.has_value());
    CHECK(decide(drill, {.include_drills = true}).payload.has_value());

    const auto late = decide(storm, {}, {}, test::at("2003-06-17T16:00:01-07:00"));
    CHECK_FALSE(late.payload.has_value());
    CHECK(late.summary.contains("expired"));

    alert::BridgeMemory memory;
    memory.published["KSTO@NWS.NOAA.GOV,KSTO1055887203"] = test::at("2003-06-17T16:00:00-07:00");
    CHECK(decide(storm, {}, memory).summary == "already published");
    // Another sender's message of the same identifier is another message.
    const std::string other = replaced(storm, "KSTO@NWS.NOAA.GOV", "other@example.org");
    CHECK(decide(other, {}, memory).payload.has_value());

    const std::string restricted =
        replaced(storm, "<scope>Public</scope>", "<scope>Restricted</scope>");
    CHECK(decide(restricted, {}).summary.contains("scope Restricted"));

    const auto garbage = decide("<alert>", {});
    CHECK(garbage.unreadable);
    CHECK_FALSE(garbage.payload.has_value());
}

TEST_CASE("cap bridge: an Update or Cancel of what it published passes whatever the rules") {
    // The TriNet Update (severity Minor, an area in California) of TRI13970876.1.
    const std::string update = cap_file("oasis-a3-earthquake-update.xml");
    const model::TimePoint after = test::at("2003-06-11T21:00:00-07:00");
    const alert::BridgeRules ward_rules{.areas = {"港区"}, .min_severity = "Severe"};
    CHECK_FALSE(decide(update, ward_rules, {}, after).payload.has_value());

    alert::BridgeMemory memory;
    memory.published["trinet@caltech.edu,TRI13970876.1"] = test::at("2003-06-12T02:30:00-07:00");
    const auto passed = decide(update, ward_rules, memory, after);
    REQUIRE(passed.payload.has_value());
    CHECK(passed.summary == "Update of TRI13970876.1");
    // Someone else naming the identifier does not ride on what was published.
    alert::BridgeMemory strangers;
    strangers.published["someone@else,TRI13970876.1"] = test::at("2003-06-12T02:30:00-07:00");
    CHECK_FALSE(decide(update, ward_rules, strangers, after).payload.has_value());

    const std::string cancel =
        replaced(update, "<msgType>Update</msgType>", "<msgType>Cancel</msgType>");
    CHECK(decide(cancel, {}, {}, after).summary == "cancels an alert this bridge did not publish");
    CHECK(decide(cancel, {}, memory, after).payload.has_value());
}

TEST_CASE("cap bridge: a Cancel seen before its alert keeps the alert off the screens") {
    const std::string update = cap_file("oasis-a3-earthquake-update.xml");
    const std::string cancel =
        replaced(update, "<msgType>Update</msgType>", "<msgType>Cancel</msgType>");
    const model::TimePoint after = test::at("2003-06-11T21:00:00-07:00");
    alert::BridgeMemory memory;
    const auto cancelling = decide(cancel, {.min_severity = "Minor"}, memory, after);
    CHECK_FALSE(cancelling.payload.has_value());
    alert::remember(memory, cancelling, false);
    CHECK(memory.superseded.contains("trinet@caltech.edu,TRI13970876.1"));
    // The original, listed later (or its link fetched late): never published.
    const std::string original = replaced(
        replaced(replaced(update, "TRI13970876.2", "TRI13970876.1"), "<msgType>Update",
                 "<msgType>Alert"),
        "<references>trinet@caltech.edu,TRI13970876.1,2003-06-11T20:30:00-07:00</references>", "");
    const auto late = decide(original, {.min_severity = "Minor"}, memory, after);
    CHECK_FALSE(late.payload.has_value());
    CHECK(late.summary == "a later message already updated or cancelled it");
    CHECK(decide(original, {.min_severity = "Minor"}, {}, after).payload.has_value());
}

TEST_CASE("cap bridge: 港区 is Minato, not the 港区 of Nagoya or Osaka") {
    const std::string storm = cap_file("oasis-a2-thunderstorm.xml");
    const auto with_area = [&](const std::string& description) {
        return replaced(
            storm,
            "EXTREME NORTH CENTRAL TUOLUMNE COUNTY IN CALIFORNIA, EXTREME NORTHEASTERN\n"
            "                CALAVERAS COUNTY IN CALIFORNIA, SOUTHWESTERN ALPINE COUNTY IN "
            "CALIFORNIA",
            description);
    };
    const alert::BridgeRules ward{.areas = {"港区"}};
    CHECK(decide(with_area("港区"), ward).payload.has_value());
    CHECK(decide(with_area("東京都港区"), ward).payload.has_value());
    CHECK(decide(with_area("品川区、港区、目黒区"), ward).payload.has_value());
    CHECK(decide(with_area("東京都品川区・東京都港区"), ward).payload.has_value());
    CHECK_FALSE(decide(with_area("名古屋市港区"), ward).payload.has_value());
    CHECK_FALSE(decide(with_area("大阪府大阪市港区"), ward).payload.has_value());
    CHECK_FALSE(decide(with_area("港区南"), ward).payload.has_value());
    CHECK(decide(with_area("Minato City; Shinagawa City"), {.areas = {"minato city"}})
              .payload.has_value());
    CHECK_FALSE(decide(with_area("Minatogawa"), {.areas = {"Minato"}}).payload.has_value());
}

TEST_CASE("cap bridge: each <info> is judged alone: a grave warning elsewhere is not the ward's") {
    // Two blocks in one message: Extreme for Nagoya's 港区, Minor for Minato.
    const std::string two_blocks = R"(<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>two-blocks</identifier><sender>agency@example.jp</sender>
  <sent>2026-09-01T10:00:00+09:00</sent><status>Actual</status><msgType>Alert</msgType>
  <scope>Public</scope>
  <info><language>ja-JP</language><event>大雨</event><severity>Extreme</severity>
    <headline>名古屋市港区に大雨特別警報</headline><expires>2026-09-01T16:00:00+09:00</expires>
    <area><areaDesc>名古屋市港区</areaDesc></area></info>
  <info><language>ja-JP</language><event>大雨</event><severity>SEVERITY</severity>
    <headline>東京都港区に大雨警報</headline><expires>2026-09-01T16:00:00+09:00</expires>
    <area><areaDesc>東京都港区</areaDesc><geocode><valueName>JIS</valueName><value>131032</value></geocode></area></info>
</alert>)";
    const model::TimePoint during = test::at("2026-09-01T11:00:00+09:00");
    const alert::BridgeRules ward{.areas = {"港区"}, .min_severity = "Severe"};
    const auto minor = decide(replaced(two_blocks, "SEVERITY", "Minor"), ward, {}, during);
    CHECK_FALSE(minor.payload.has_value());
    CHECK(minor.summary.contains("no block as grave as Severe names 港区"));

    const auto severe = decide(replaced(two_blocks, "SEVERITY", "Severe"), ward, {}, during);
    REQUIRE(severe.payload.has_value());
    const auto shown = alert::parse_alert(*severe.payload, "bridged");
    REQUIRE(shown.has_value());
    CHECK(shown->level == 4);  // Severe, the ward's block; not Extreme (5), Nagoya's.
    REQUIRE(shown->info.size() == 1);
    CHECK(shown->info.front().headline == "東京都港区に大雨警報");
    CHECK(severe.summary == "level 4, Severe, 港区");
}

TEST_CASE("cap bridge: what was published is remembered across a restart, for a day after") {
    alert::BridgeMemory memory;
    memory.published["KSTO1055887203"] = test::at("2003-06-17T16:00:00-07:00");
    memory.published["TRI13970876.1"] = test::at("2003-06-12T02:30:00-07:00");
    memory.superseded["a,TRI13970876.0"] = test::at("2003-06-17T16:00:00-07:00");
    const auto read_back = alert::BridgeMemory::parse(memory.to_json());
    REQUIRE(read_back.has_value());
    CHECK(read_back->published == memory.published);
    CHECK(read_back->superseded == memory.superseded);

    alert::BridgeMemory aged = *read_back;
    aged.forget_old(test::at("2003-06-14T00:00:00-07:00"));
    CHECK(aged.published.size() == 1);
    CHECK(aged.superseded.size() == 1);
    CHECK(aged.published.contains("KSTO1055887203"));

    CHECK_FALSE(alert::BridgeMemory::parse("{\"published\": []}").has_value());
    CHECK_FALSE(alert::BridgeMemory::parse("{\"published\": {\"x\": \"soon\"}}").has_value());
    CHECK_FALSE(alert::BridgeMemory::parse("not json").has_value());
}
