#include "app/report_command.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "model/time.hpp"

namespace keiji::app {

namespace fs = std::filesystem;

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

namespace {

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + "\"";
}

}  // namespace

int run_report(const ReportOptions& options) {
    const auto from = model::parse_date(options.from);
    const auto to = model::parse_date(options.to);
    if (!from || !to) {
        std::fputs("keiji: --from and --to are dates like 2026-11-01\n", stderr);
        return 2;
    }
    if (*to < *from) {
        std::fputs("keiji: --to is before --from\n", stderr);
        return 2;
    }
    const fs::path directory = fs::path(options.state_directory) / "proof-of-play";
    std::vector<PlayRecord> records;
    int skipped = 0;
    int days_with_data = 0;
    for (auto day = std::chrono::sys_days{*from}; day <= std::chrono::sys_days{*to};
         day += std::chrono::days{1}) {
        const std::chrono::year_month_day ymd{day};
        const fs::path path = directory / fmt::format("{:04}-{:02}-{:02}.jsonl", int(ymd.year()),
                                                      unsigned(ymd.month()), unsigned(ymd.day()));
        std::ifstream stream(path);
        if (!stream) {
            continue;
        }
        ++days_with_data;
        std::string line;
        while (std::getline(stream, line)) {
            if (auto record = parse_json_line(line)) {
                records.push_back(std::move(*record));
            } else if (!line.empty()) {
                ++skipped;
            }
        }
    }
    const ProofOfPlaySummary summary = summarize(records);
    if (options.csv) {
        std::string out = "kind,name,municipality,plays,seconds\n";
        for (const auto& [item, airtime] : summary.by_item) {
            const auto partner = summary.municipality_of_item.find(item);
            out += fmt::format(
                "item,{},{},{},{:.1f}\n", csv_field(item),
                csv_field(partner == summary.municipality_of_item.end() ? std::string()
                                                                        : partner->second),
                airtime.plays, airtime.seconds);
        }
        for (const auto& [municipality, airtime] : summary.by_municipality) {
            out += fmt::format("municipality,{},{},{},{:.1f}\n", csv_field(municipality),
                               csv_field(municipality), airtime.plays, airtime.seconds);
        }
        std::fputs(out.c_str(), stdout);
    } else {
        std::string out = fmt::format("Proof of play {} to {} ({} day(s) with records in {})\n\n",
                                      options.from, options.to, days_with_data, directory.string());
        out +=
            fmt::format("{:<32} {:<16} {:>7} {:>10}\n", "item", "municipality", "plays", "seconds");
        for (const auto& [item, airtime] : summary.by_item) {
            const auto partner = summary.municipality_of_item.find(item);
            out += fmt::format("{:<32} {:<16} {:>7} {:>10.1f}\n", item,
                               partner == summary.municipality_of_item.end() ? "" : partner->second,
                               airtime.plays, airtime.seconds);
        }
        out += fmt::format("\n{:<32} {:>7} {:>10}\n", "partner municipality", "plays", "seconds");
        for (const auto& [municipality, airtime] : summary.by_municipality) {
            out += fmt::format("{:<32} {:>7} {:>10.1f}\n", municipality, airtime.plays,
                               airtime.seconds);
        }
        std::fputs(out.c_str(), stdout);
    }
    if (skipped > 0) {
        std::fputs(
            fmt::format("keiji: skipped {} unreadable line(s) in the log\n", skipped).c_str(),
            stderr);
    }
    return 0;
}

}  // namespace keiji::app
