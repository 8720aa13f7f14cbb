// CAP 1.2 XML into the alert payload.
#include "alert/cap_import.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "alert/alert_parser.hpp"
#include "test_paths.hpp"

using namespace keiji;

namespace {

std::string read(const std::string& relative) {
    std::ifstream stream(test::source_path(relative));
    std::ostringstream contents;
    contents << stream.rdbuf();
    return contents.str();
}

}  // namespace

TEST_CASE("import-cap: a CAP 1.2 evacuation order becomes a payload screens accept") {
    const auto payload = alert::import_cap(read("tests/alert/data/cap-level4.xml"), {});
    REQUIRE_MESSAGE(payload.has_value(), payload.error());
    const auto alert = alert::parse_alert(*payload, "converted");
    REQUIRE(alert.has_value());
    CHECK(alert->identifier == "minato-2026-0901-001");
    CHECK(alert->level == 4);
    CHECK(alert->sequence == alert->sent.time_since_epoch().count());
    REQUIRE(alert->info.size() == 2);
    CHECK(alert->info[0].language == "ja");
    CHECK(alert->info[1].language == "en");
    CHECK(alert->area == "東京都港区");
    REQUIRE(alert->shelters.size() == 1);
    CHECK(alert->shelters[0].name.pick("en") == "Shiba Elementary School");
}

TEST_CASE("import-cap: what cannot be converted says why") {
    const std::string cap = read("tests/alert/data/cap-level4.xml");
    struct Case {
        std::string xml;
        const char* expected;
    };
    const auto without = [&](const std::string& text) {
        std::string copy = cap;
        for (auto at = copy.find(text); at != std::string::npos; at = copy.find(text)) {
            copy.erase(at, text.size());
        }
        return copy;
    };
    const Case cases[] = {
        {"<alert>", "not XML"},
        {"<alert><identifier>x</identifier></alert>", "not a CAP 1.2 alert"},
        {without("<parameter><valueName>警戒レベル</valueName><value>4</value></parameter>"),
         "--level"},
        {without("<expires>2099-09-01T18:00:00+09:00</expires>"), "no <expires>"},
    };
    for (const Case& entry : cases) {
        CAPTURE(entry.expected);
        const auto payload = alert::import_cap(entry.xml, {});
        REQUIRE_FALSE(payload.has_value());
        CHECK(payload.error().text().find(entry.expected) != std::string::npos);
    }
    CHECK(alert::import_cap(without("<parameter><valueName>警戒レベル</valueName><value>4</value>"
                                    "</parameter>"),
                            {.level = 3})
              .has_value());
}
