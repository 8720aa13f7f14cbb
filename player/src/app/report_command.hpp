#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/proof_of_play.hpp"

namespace keiji::app {

struct Airtime {
    int plays = 0;
    double seconds = 0;
};

// Counts and seconds per item and per partner municipality (promos only).
struct ProofOfPlaySummary {
    std::map<std::string, Airtime> by_item;
    std::map<std::string, std::string> municipality_of_item;
    std::map<std::string, Airtime> by_municipality;
    int skipped_lines = 0;  // Torn or foreign lines in the log, reported, never fatal.
};

[[nodiscard]] ProofOfPlaySummary summarize(const std::vector<PlayRecord>& records);

struct ReportOptions {
    std::string from;  // YYYY-MM-DD, inclusive.
    std::string to;    // YYYY-MM-DD, inclusive.
    bool csv = false;
    std::string state_directory = "/var/lib/keiji";
};

// Runs `keiji report proof-of-play`. Returns the exit code.
[[nodiscard]] int run_report(const ReportOptions& options);

}  // namespace keiji::app
