#include "cli/report_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>

#include "cli/messages.hpp"
#include "kiosk/proof_of_play_report.hpp"
#include "model/time.hpp"
#include "play/settings.hpp"

namespace keiji::cli {

namespace fs = std::filesystem;

namespace {

struct ReportOptions {
    std::string from;  // YYYY-MM-DD, inclusive.
    std::string to;    // YYYY-MM-DD, inclusive.
    bool csv = false;
    std::string state_directory = play::Settings{}.state_directory;
};

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

std::string municipality_of(const kiosk::ProofOfPlaySummary& summary, const std::string& item) {
    const auto partner = summary.municipality_of_item.find(item);
    return partner == summary.municipality_of_item.end() ? std::string() : partner->second;
}

std::string as_csv(const kiosk::ProofOfPlaySummary& summary) {
    std::string out = "kind,name,municipality,plays,seconds\n";
    for (const auto& [item, airtime] : summary.by_item) {
        out +=
            fmt::format("item,{},{},{},{:.1f}\n", csv_field(item),
                        csv_field(municipality_of(summary, item)), airtime.plays, airtime.seconds);
    }
    for (const auto& [municipality, airtime] : summary.by_municipality) {
        out += fmt::format("municipality,{},{},{},{:.1f}\n", csv_field(municipality),
                           csv_field(municipality), airtime.plays, airtime.seconds);
    }
    return out;
}

std::string as_table(const kiosk::ProofOfPlaySummary& summary) {
    std::string out =
        fmt::format("{:<32} {:<16} {:>7} {:>10}\n", "item", "municipality", "plays", "seconds");
    for (const auto& [item, airtime] : summary.by_item) {
        out += fmt::format("{:<32} {:<16} {:>7} {:>10.1f}\n", item, municipality_of(summary, item),
                           airtime.plays, airtime.seconds);
    }
    out += fmt::format("\n{:<32} {:>7} {:>10}\n", "partner municipality", "plays", "seconds");
    for (const auto& [municipality, airtime] : summary.by_municipality) {
        out +=
            fmt::format("{:<32} {:>7} {:>10.1f}\n", municipality, airtime.plays, airtime.seconds);
    }
    return out;
}

int run_report(const ReportOptions& options) {
    const auto from = model::parse_date(options.from);
    const auto to = model::parse_date(options.to);
    if (!from || !to) {
        return fail("", "--from and --to are dates like 2026-11-01", 2);
    }
    if (*to < *from) {
        return fail("", "--to is before --from", 2);
    }
    const fs::path directory = fs::path(options.state_directory) / "proof-of-play";
    const kiosk::ProofOfPlayRecords read = kiosk::read_proof_of_play(directory, *from, *to);
    const kiosk::ProofOfPlaySummary summary = kiosk::summarize(read.records);
    if (options.csv) {
        print(as_csv(summary));
    } else {
        print(fmt::format("Proof of play {} to {} ({} day(s) with records in {})\n\n", options.from,
                          options.to, read.days_with_data, directory.string()));
        print(as_table(summary));
    }
    if (read.skipped_lines > 0) {
        print_error("",
                    fmt::format("skipped {} unreadable line(s) in the log", read.skipped_lines));
    }
    return 0;
}

}  // namespace

Command add_report_command(CLI::App& app, const Context&) {
    auto options = std::make_shared<ReportOptions>();
    auto* command = app.add_subcommand("report", "Reports from what the screen actually showed");
    auto* proof_of_play = command->add_subcommand(
        "proof-of-play", "How often and how long each item and partner municipality was shown");
    proof_of_play->add_option("--from", options->from, "First day, YYYY-MM-DD")->required();
    proof_of_play->add_option("--to", options->to, "Last day, YYYY-MM-DD")->required();
    proof_of_play->add_flag("--csv", options->csv, "CSV for a spreadsheet");
    proof_of_play
        ->add_option("--state-dir", options->state_directory, "Where the player keeps its state")
        ->capture_default_str();
    command->require_subcommand(1);
    proof_of_play->footer(
        "Example: keiji report proof-of-play --from 2026-11-01 --to 2026-11-30 "
        "--csv > november.csv");
    return Command{command, [options] { return run_report(*options); }};
}

}  // namespace keiji::cli
