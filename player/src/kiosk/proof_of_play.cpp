#include "kiosk/proof_of_play.hpp"

#include <date/date.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "storage/file_io.hpp"

namespace keiji::kiosk {

namespace fs = std::filesystem;

std::string to_json_line(const PlayRecord& record) {
    const nlohmann::json line = {
        {"time", date::format("%FT%TZ", record.started)},
        {"screen", record.screen},
        {"item", record.item},
        {"municipality", record.municipality},
        {"seconds", std::round(record.seconds * 10) / 10},
        {"language", record.language},
        {"mode", record.mode},
    };
    return line.dump();
}

std::optional<PlayRecord> parse_json_line(std::string_view line) {
    const auto json = nlohmann::json::parse(line, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        return std::nullopt;
    }
    try {
        PlayRecord record;
        const auto time = model::parse_timestamp(json.at("time").get<std::string>());
        if (!time) {
            return std::nullopt;
        }
        record.started = *time;
        record.screen = json.value("screen", "");
        record.item = json.at("item").get<std::string>();
        record.municipality = json.value("municipality", "");
        record.seconds = json.at("seconds").get<double>();
        record.language = json.value("language", "ja");
        record.mode = json.value("mode", "normal");
        return record;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

model::Result<ProofOfPlayLog> ProofOfPlayLog::open(fs::path directory, int retention_days) {
    std::error_code error;
    fs::create_directories(directory, error);
    if (error) {
        return model::failure(
            model::system_error("cannot create", directory.string(), error.value()));
    }
    return ProofOfPlayLog(std::move(directory), retention_days);
}

ProofOfPlayLog::~ProofOfPlayLog() {
    // The owner flushes at shutdown and reports a failure; this is the last resort when it
    // could not (an exception, an early return), with nobody left to tell.
    if (!m_directory.empty() && !m_pending.empty()) {
        [[maybe_unused]] const auto flushed = flush();
    }
}

model::Result<void> ProofOfPlayLog::append(const PlayRecord& record, const std::string& local_day) {
    m_pending.emplace_back(local_day, to_json_line(record));
    if (local_day != m_last_cleanup_day) {
        remove_expired(local_day);
        m_last_cleanup_day = local_day;
    }
    if (m_pending.size() >= batch_size) {
        return flush();
    }
    return {};
}

model::Result<void> ProofOfPlayLog::flush() {
    std::map<std::string, std::string> by_day;
    for (const auto& [day, line] : m_pending) {
        by_day[day] += line + "\n";
    }
    m_pending.clear();
    for (const auto& [day, text] : by_day) {
        // Whole lines appended: a crash leaves at worst a torn last line, which the report skips.
        KEIJI_TRY(storage::append_durably(m_directory / (day + ".jsonl"), text));
    }
    return {};
}

void ProofOfPlayLog::remove_expired(const std::string& today) {
    const auto parsed = model::parse_date(today);
    if (!parsed) {
        return;
    }
    const auto oldest = std::chrono::sys_days{*parsed} - std::chrono::days{m_retention_days};
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(m_directory, error)) {
        const std::string stem = entry.path().stem().string();
        const auto day = model::parse_date(stem);
        if (entry.path().extension() == ".jsonl" && day && std::chrono::sys_days{*day} < oldest) {
            fs::remove(entry.path(), error);
        }
    }
}

}  // namespace keiji::kiosk
