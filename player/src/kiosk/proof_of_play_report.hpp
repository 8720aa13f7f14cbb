#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "kiosk/proof_of_play.hpp"

namespace keiji::kiosk {

struct Airtime {
    int plays = 0;
    double seconds = 0;
};

// Counts and seconds per item and per partner municipality (promos only).
struct ProofOfPlaySummary {
    std::map<std::string, Airtime> by_item;
    std::map<std::string, std::string> municipality_of_item;
    std::map<std::string, Airtime> by_municipality;
};

[[nodiscard]] ProofOfPlaySummary summarize(const std::vector<PlayRecord>& records);

// The records of the local days `from` to `to` (inclusive) in a proof-of-play folder.
struct ProofOfPlayRecords {
    std::vector<PlayRecord> records;
    int days_with_data = 0;
    int skipped_lines = 0;  // Torn or foreign lines in the log, reported, never fatal.
};
[[nodiscard]] ProofOfPlayRecords read_proof_of_play(const std::filesystem::path& directory,
                                                    std::chrono::year_month_day from,
                                                    std::chrono::year_month_day to);

}  // namespace keiji::kiosk
