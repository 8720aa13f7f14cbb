#pragma once

#include <chrono>
#include <expected>
#include <filesystem>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "model/time.hpp"

namespace keiji::kiosk {

// One item that was actually on screen (not merely scheduled).
struct PlayRecord {
    model::TimePoint started;
    std::string screen;
    std::string item;
    std::string municipality;  // The partner municipality of a promo, "" otherwise.
    double seconds = 0;
    std::string language = "ja";
    std::string mode = "normal";  // "normal" or "alert".
};

// The proof-of-play log: one JSON Lines file per local day under `directory`
// (2026-11-24.jsonl). Records are buffered and written with fsync in batches, so a power cut
// loses at most one batch and the SD card of a kiosk is not worn by a write per slide. Files
// older than the retention are deleted, so the log stays bounded.
class ProofOfPlayLog {
public:
    [[nodiscard]] static model::Result<ProofOfPlayLog> open(std::filesystem::path directory,
                                                            int retention_days = 400);
    ProofOfPlayLog(ProofOfPlayLog&&) = default;
    ProofOfPlayLog& operator=(ProofOfPlayLog&&) = default;
    ~ProofOfPlayLog();

    // `local_day` is the record's day in the ward's time zone ("2026-11-24"). Fails when a full
    // batch could not be written (disk full, ...); the batch is lost, later records are not.
    [[nodiscard]] model::Result<void> append(const PlayRecord& record,
                                             const std::string& local_day);
    // Writes and fsyncs what is buffered.
    [[nodiscard]] model::Result<void> flush();

    static constexpr std::size_t batch_size = 32;

private:
    explicit ProofOfPlayLog(std::filesystem::path directory, int retention_days)
        : m_directory(std::move(directory)), m_retention_days(retention_days) {}
    void remove_expired(const std::string& today);

    std::filesystem::path m_directory;
    int m_retention_days;
    std::vector<std::pair<std::string, std::string>> m_pending;  // (day, JSON line)
    std::string m_last_cleanup_day;
};

// One line of the log as JSON, and back. Parsing a line that is not a record returns nullopt.
[[nodiscard]] std::string to_json_line(const PlayRecord& record);
[[nodiscard]] std::optional<PlayRecord> parse_json_line(std::string_view line);

}  // namespace keiji::kiosk
