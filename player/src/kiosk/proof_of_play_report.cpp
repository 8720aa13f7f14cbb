#include "kiosk/proof_of_play_report.hpp"

#include <fmt/format.h>

#include <sstream>

#include "storage/file_io.hpp"

namespace keiji::kiosk {

ProofOfPlaySummary summarize(const std::vector<PlayRecord>& records) {
    ProofOfPlaySummary summary;
    for (const PlayRecord& record : records) {
        Airtime& item = summary.by_item[record.item];
        ++item.plays;
        item.seconds += record.seconds;
        if (!record.municipality.empty()) {
            summary.municipality_of_item[record.item] = record.municipality;
            Airtime& partner = summary.by_municipality[record.municipality];
            ++partner.plays;
            partner.seconds += record.seconds;
        }
    }
    return summary;
}

ProofOfPlayRecords read_proof_of_play(const std::filesystem::path& directory,
                                      std::chrono::year_month_day from,
                                      std::chrono::year_month_day to) {
    ProofOfPlayRecords read;
    for (auto day = std::chrono::sys_days{from}; day <= std::chrono::sys_days{to};
         day += std::chrono::days{1}) {
        const std::chrono::year_month_day ymd{day};
        const auto text = storage::read_file_if_exists(
            directory / fmt::format("{:04}-{:02}-{:02}.jsonl", int(ymd.year()),
                                    unsigned(ymd.month()), unsigned(ymd.day())));
        if (!text || !*text) {
            continue;
        }
        ++read.days_with_data;
        std::istringstream lines(**text);
        std::string line;
        while (std::getline(lines, line)) {
            if (auto record = parse_json_line(line)) {
                read.records.push_back(std::move(*record));
            } else if (!line.empty()) {
                ++read.skipped_lines;
            }
        }
    }
    return read;
}

}  // namespace keiji::kiosk
