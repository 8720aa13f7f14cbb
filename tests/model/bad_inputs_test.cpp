// Every file in tests/data/bad/ must fail with the error, location and pointer that
// tests/data/bad/expected.txt gives for it; a new broken file without an expectation fails too.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "model/playlist_parser.hpp"
#include "test_paths.hpp"

namespace {

struct Expectation {
    int line = 0;
    int column = 0;
    std::string pointer;
    std::string words;
};

std::map<std::string, Expectation> read_expectations(const std::string& path) {
    std::map<std::string, Expectation> expectations;
    std::ifstream stream(path);
    std::string row;
    while (std::getline(stream, row)) {
        if (row.empty() || row[0] == '#') {
            continue;
        }
        std::istringstream fields(row);
        std::string file;
        std::string position;
        Expectation expectation;
        fields >> file >> position >> expectation.pointer;
        std::getline(fields >> std::ws, expectation.words);
        const auto colon = position.find(':');
        expectation.line = std::stoi(position.substr(0, colon));
        expectation.column = std::stoi(position.substr(colon + 1));
        if (expectation.pointer == "-") {
            expectation.pointer.clear();
        }
        expectations[file] = expectation;
    }
    return expectations;
}

}  // namespace

TEST_CASE("broken playlists fail cleanly at the right place") {
    const std::string folder = keiji::test::source_path("tests/data/bad");
    const auto expectations = read_expectations(folder + "/expected.txt");
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        const std::string name = entry.path().filename().string();
        CAPTURE(name);
        const auto expected = expectations.find(name);
        REQUIRE_MESSAGE(expected != expectations.end(), "no line for this file in expected.txt");
        std::ifstream stream(entry.path(), std::ios::binary);
        std::stringstream text;
        text << stream.rdbuf();
        const auto playlist = keiji::model::parse_playlist_text(text.str(), name);
        REQUIRE_FALSE(playlist.has_value());
        const auto& first = playlist.error().front();
        CAPTURE(first.to_string());
        CHECK(first.where.file == name);
        CHECK(first.where.line == expected->second.line);
        CHECK(first.where.column == expected->second.column);
        CHECK(first.where.pointer == expected->second.pointer);
        CHECK(first.message.en.find(expected->second.words) != std::string::npos);
        ++checked;
    }
    CHECK(checked == int(expectations.size()));
    CHECK(checked >= 15);
}
