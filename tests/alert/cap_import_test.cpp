// CAP 1.2 XML into the alert payload: the ward's own CAP, and CAP as other agencies write it
// (tests/alert/data/cap/README.md says where each document comes from).
#include "alert/cap_import.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "alert/alert_parser.hpp"
#include "test_paths.hpp"

using namespace keiji;
using namespace std::chrono_literals;

namespace {

std::string read(const std::string& relative) {
    std::ifstream stream(test::source_path(relative));
    std::ostringstream contents;
    contents << stream.rdbuf();
    return contents.str();
}

std::string cap_file(const std::string& name) {
    return read("tests/alert/data/cap/" + name);
}

// The document converted and read back as a screen reads it.
alert::Alert converted(const std::string& xml, const alert::CapImportOptions& options = {},
                       std::vector<std::string>* notes = nullptr) {
    const auto imported = alert::import_cap(xml, options);
    REQUIRE_MESSAGE(imported.has_value(), imported.error().text());
    if (notes != nullptr) {
        *notes = imported->notes;
    }
    const auto alert = alert::parse_alert(imported->payload, "converted");
    REQUIRE(alert.has_value());
    return *alert;
}

bool mentions(const std::vector<std::string>& notes, std::string_view text) {
    return std::ranges::any_of(notes, [&](const std::string& note) { return note.contains(text); });
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

}  // namespace

TEST_CASE("import-cap: a CAP 1.2 evacuation order becomes a payload screens accept") {
    const alert::Alert alert = converted(read("tests/alert/data/cap-level4.xml"));
    CHECK(alert.identifier == "minato-2026-0901-001");
    CHECK(alert.level == 4);
    CHECK(alert.sequence == alert.sent.time_since_epoch().count());
    REQUIRE(alert.info.size() == 2);
    CHECK(alert.info[0].language == "ja");
    CHECK(alert.info[1].language == "en");
    CHECK(alert.area == "東京都港区");
    REQUIRE(alert.shelters.size() == 1);
    CHECK(alert.shelters[0].name.pick("en") == "Shiba Elementary School");
}

TEST_CASE("import-cap: OASIS A.1, no language and no expiry: en-US, and a default said aloud") {
    std::vector<std::string> notes;
    const alert::Alert alert =
        converted(cap_file("oasis-a1-homeland-security.xml"), {.lasting = 90min}, &notes);
    CHECK(alert.identifier == "43b080713727");
    CHECK(alert.level == 4);  // <severity>Severe.
    REQUIRE(alert.info.size() == 1);
    CHECK(alert.info[0].language == "en");
    CHECK(alert.info[0].headline == "Homeland Security Sets Code ORANGE");
    CHECK(alert.expires - alert.sent == 90min);
    CHECK(mentions(notes, "without <language> is en-US"));
    CHECK(mentions(notes, "no <expires>: the alert stays 90 minutes"));
    CHECK(mentions(notes, "level 4 from <severity>"));
}

TEST_CASE("import-cap: OASIS A.2 in the default namespace and under a cap: prefix alike") {
    const alert::Alert plain = converted(cap_file("oasis-a2-thunderstorm.xml"));
    const alert::Alert prefixed = converted(cap_file("prefixed-thunderstorm.xml"));
    CHECK(plain.identifier == "KSTO1055887203");
    CHECK(plain.info[0].headline == "SEVERE THUNDERSTORM WARNING");
    CHECK(plain.info[0].instruction ==
          "TAKE COVER IN A SUBSTANTIAL SHELTER UNTIL THE STORM PASSES.");
    CHECK(plain.area.starts_with("EXTREME NORTH CENTRAL TUOLUMNE COUNTY"));
    // The writer's indentation is not the screen's line break; the sentence flows on.
    CHECK(plain.info[0].description.starts_with(
        "AT 254 PM PDT...NATIONAL WEATHER SERVICE DOPPLER RADAR INDICATED A SEVERE THUNDERSTORM "
        "OVER SOUTH CENTRAL ALPINE COUNTY"));
    CHECK_FALSE(plain.info[0].description.contains('\n'));
    CHECK(plain.expires - plain.sent == 63min);
    CHECK(prefixed.identifier == plain.identifier);
    CHECK(prefixed.info[0].description == plain.info[0].description);
    CHECK(prefixed.area == plain.area);
    CHECK(prefixed.expires == plain.expires);
    // A prefix bound to another namespace is not CAP.
    const auto other = alert::import_cap(
        replaced(cap_file("prefixed-thunderstorm.xml"), "urn:oasis:names:tc:emergency:cap:1.2",
                 "urn:oasis:names:tc:emergency:cap:1.1"),
        {});
    REQUIRE_FALSE(other.has_value());
    CHECK(other.error().text().contains("not a CAP 1.2 alert"));
}

TEST_CASE("import-cap: OASIS A.3 and a tsunami centre's Update name what they replace") {
    const alert::Alert quake = converted(cap_file("oasis-a3-earthquake-update.xml"));
    CHECK(quake.message_type == alert::MessageType::update);
    // "sender,identifier,sent": a screen keeps the identifier.
    CHECK(quake.references == std::vector<std::string>{"TRI13970876.1"});
    CHECK(quake.level == 2);  // <severity>Minor.

    // Severity Unknown: a level must be given; and its <expires> equals <sent>.
    const std::string tsunami = cap_file("ntwc-tsunami-cancellation.xml");
    const auto without_level = alert::import_cap(tsunami, {});
    REQUIRE_FALSE(without_level.has_value());
    const auto expired = alert::import_cap(tsunami, {.level = 3});
    REQUIRE_FALSE(expired.has_value());
    CHECK(expired.error().text().contains("is not after <sent>"));
    const alert::Alert later = converted(replaced(tsunami, "<expires>2013-01-05T10:58:23-00:00",
                                                  "<expires>2013-01-05T12:58:23-00:00"),
                                         {.level = 3});
    CHECK(later.references.size() == 3);
    CHECK(later.references[2] == "PAAQ-3-mg5a94");

    // Without <references>, an Update cannot say what it replaces.
    const auto unanchored = alert::import_cap(
        replaced(cap_file("oasis-a3-earthquake-update.xml"),
                 "<references>trinet@caltech.edu,TRI13970876.1,2003-06-11T20:30:00-07:00"
                 "</references>",
                 ""),
        {});
    REQUIRE_FALSE(unanchored.has_value());
    CHECK(unanchored.error().text().contains("<references>"));
}

TEST_CASE("import-cap: languages with their regions: es-US, zh-TW, is-IS, fr-CA") {
    const alert::Alert amber = converted(cap_file("oasis-a4-amber-alert.xml"));
    REQUIRE(amber.info.size() == 2);
    CHECK(amber.info[0].language == "en");
    CHECK(amber.info[1].language == "es-US");
    CHECK(amber.info[1].headline == "Alerta Amber en el condado de Los Ángeles");
    CHECK(alert::screen_language("zh-TW") == "zh-Hant");
    CHECK(alert::screen_language("zh-HK") == "zh-Hant");
    CHECK(alert::screen_language("zh-CN") == "zh-Hans");
    CHECK(alert::screen_language("ja-JP") == "ja");
    CHECK(alert::screen_language("") == "en");
    for (const char* tag : {"zh-TW", "is-IS", "fr-CA"}) {
        CAPTURE(tag);
        const alert::Alert alert =
            converted(replaced(cap_file("oasis-a4-amber-alert.xml"), "es-US", tag));
        CHECK(alert.info[1].language == alert::screen_language(tag));
    }
}

TEST_CASE("import-cap: a Cancel without <info>, Test and Exercise kept, System refused") {
    const std::string cancel = R"(<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>minato-2026-0901-002</identifier>
  <sender>bousai@city.minato.tokyo.jp</sender>
  <sent>2026-09-01T12:00:00+09:00</sent>
  <status>Actual</status>
  <msgType>Cancel</msgType>
  <scope>Public</scope>
  <references>bousai@city.minato.tokyo.jp,minato-2026-0901-001,2026-09-01T09:55:00+09:00</references>
</alert>)";
    std::vector<std::string> notes;
    const alert::Alert ended = converted(cancel, {}, &notes);
    CHECK(ended.message_type == alert::MessageType::cancel);
    CHECK(ended.info.empty());
    CHECK(ended.expires - ended.sent == 6h);
    CHECK(mentions(notes, "no <expires>"));

    const std::string order = read("tests/alert/data/cap-level4.xml");
    CHECK(converted(replaced(order, "<status>Actual", "<status>Exercise")).status ==
          alert::Status::exercise);
    CHECK(converted(replaced(order, "<status>Actual", "<status>Test")).status ==
          alert::Status::test);
    const auto system = alert::import_cap(replaced(order, "<status>Actual", "<status>System"), {});
    REQUIRE_FALSE(system.has_value());
    CHECK(system.error().text().contains("not shown on screens"));
}

TEST_CASE("import-cap: a byte order mark is fine, a DOCTYPE is refused unread") {
    const std::string order = read("tests/alert/data/cap-level4.xml");
    CHECK(converted("\xEF\xBB\xBF" + order).identifier == "minato-2026-0901-001");
    // The billion laughs: refused before any entity could expand.
    const std::string laughs =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE alert [<!ENTITY lol \"lol\">"
        "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n" +
        order.substr(order.find("<alert"));
    const auto refused = alert::import_cap(laughs, {});
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().text().contains("DOCTYPE"));
    const auto external = alert::import_cap(
        "<!DOCTYPE alert SYSTEM \"file:///etc/passwd\">" + order.substr(order.find("<alert")), {});
    REQUIRE_FALSE(external.has_value());
}

TEST_CASE("import-cap: what cannot be converted says why") {
    const std::string cap = read("tests/alert/data/cap-level4.xml");
    const auto without = [&](const std::string& text) { return replaced(cap, text, ""); };
    struct Case {
        std::string xml;
        const char* expected;
    };
    const Case cases[] = {
        {"<alert>", "not XML"},
        {"<alert><identifier>x</identifier></alert>", "not a CAP 1.2 alert"},
        {replaced(without("<parameter><valueName>警戒レベル</valueName><value>4</value>"
                          "</parameter>"),
                  "<severity>Severe</severity>", ""),
         "--level"},
        {replaced(cap, "<msgType>Alert", "<msgType>Update"), "<references>"},
    };
    for (const Case& entry : cases) {
        CAPTURE(entry.expected);
        const auto payload = alert::import_cap(entry.xml, {});
        REQUIRE_FALSE(payload.has_value());
        CHECK(payload.error().text().contains(entry.expected));
    }
    CHECK(alert::import_cap(without("<parameter><valueName>警戒レベル</valueName><value>4</value>"
                                    "</parameter>"),
                            {.level = 3})
              .has_value());
}
