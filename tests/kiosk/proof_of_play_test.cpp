#include "kiosk/proof_of_play.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "kiosk/proof_of_play_report.hpp"
#include "test_paths.hpp"

using namespace keiji::kiosk;
using namespace std::chrono;
namespace fs = std::filesystem;

namespace {

PlayRecord record(const std::string& item, const std::string& municipality, double seconds) {
    return PlayRecord{.started = sys_days{2026y / November / 24} + 1h,
                      .screen = "lobby-1f",
                      .item = item,
                      .municipality = municipality,
                      .seconds = seconds};
}

int lines_in(const fs::path& path) {
    std::ifstream stream(path);
    int lines = 0;
    for (std::string line; std::getline(stream, line);) {
        ++lines;
    }
    return lines;
}

}  // namespace

TEST_CASE("proof of play: a record survives the round trip through its JSON line") {
    const PlayRecord original = record("gujo-odori-aoyama", "岐阜県 郡上市", 11.96);
    const auto parsed = parse_json_line(to_json_line(original));
    REQUIRE(parsed.has_value());
    CHECK(parsed->started == original.started);
    CHECK(parsed->item == "gujo-odori-aoyama");
    CHECK(parsed->municipality == "岐阜県 郡上市");
    CHECK(parsed->seconds == doctest::Approx(12.0));
    CHECK(parsed->mode == "normal");
    CHECK_FALSE(parse_json_line("{\"item\": \"torn").has_value());
    CHECK_FALSE(parse_json_line("[]").has_value());
}

TEST_CASE("proof of play: records are written in batches, one file per day, and old days go") {
    const fs::path directory = keiji::test::binary_path("test-proof-of-play");
    fs::remove_all(directory);
    fs::create_directories(directory);
    std::ofstream(directory / "2024-01-01.jsonl") << "old\n";
    {
        auto log = ProofOfPlayLog::open(directory, 400);
        REQUIRE(log.has_value());
        for (std::size_t i = 0; i + 1 < ProofOfPlayLog::batch_size; ++i) {
            REQUIRE(log->append(record("a", "", 10), "2026-11-24").has_value());
        }
        // Not yet a batch: nothing written, which spares a kiosk's SD card.
        CHECK(lines_in(directory / "2026-11-24.jsonl") == 0);
        REQUIRE(log->append(record("a", "", 10), "2026-11-24").has_value());
        CHECK(lines_in(directory / "2026-11-24.jsonl") == int(ProofOfPlayLog::batch_size));
        REQUIRE(log->append(record("b", "", 10), "2026-11-25").has_value());
    }  // Closing flushes the rest.
    CHECK(lines_in(directory / "2026-11-25.jsonl") == 1);
    CHECK_FALSE(fs::exists(directory / "2024-01-01.jsonl"));
}

TEST_CASE("proof of play: the summary counts plays and seconds per item and per municipality") {
    const auto summary =
        summarize({record("gujo", "岐阜県 郡上市", 12), record("anan", "徳島県 阿南市", 10),
                   record("gujo", "岐阜県 郡上市", 6.5), record("notice", "", 10)});
    CHECK(summary.by_item.at("gujo").plays == 2);
    CHECK(summary.by_item.at("gujo").seconds == doctest::Approx(18.5));
    CHECK(summary.by_municipality.at("岐阜県 郡上市").plays == 2);
    CHECK(summary.by_municipality.at("徳島県 阿南市").seconds == doctest::Approx(10));
    CHECK(summary.by_municipality.size() == 2);
    CHECK(summary.by_item.at("notice").plays == 1);
}
