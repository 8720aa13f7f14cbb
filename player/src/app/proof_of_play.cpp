#include "app/proof_of_play.hpp"

#include <date/date.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace keiji::app {

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

std::expected<ProofOfPlayLog, std::string> ProofOfPlayLog::open(fs::path directory,
                                                                int retention_days) {
    std::error_code error;
    fs::create_directories(directory, error);
    if (error) {
        return std::unexpected("cannot create " + directory.string() + ": " + error.message());
    }
    return ProofOfPlayLog(std::move(directory), retention_days);
}

ProofOfPlayLog::~ProofOfPlayLog() {
    if (!m_directory.empty()) {
        (void)flush();
    }
}

void ProofOfPlayLog::append(const PlayRecord& record, const std::string& local_day) {
    m_pending.emplace_back(local_day, to_json_line(record));
    if (m_pending.size() >= batch_size) {
        (void)flush();
    }
    if (local_day != m_last_cleanup_day) {
        remove_expired(local_day);
        m_last_cleanup_day = local_day;
    }
}

std::expected<void, std::string> ProofOfPlayLog::flush() {
    std::map<std::string, std::string> by_day;
    for (const auto& [day, line] : m_pending) {
        by_day[day] += line + "\n";
    }
    m_pending.clear();
    for (const auto& [day, text] : by_day) {
        const fs::path path = m_directory / (day + ".jsonl");
        // O_APPEND writes of whole lines: a crash leaves at worst a torn last line, which the
        // report skips.
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
        if (fd < 0) {
            return std::unexpected("cannot open " + path.string() + ": " + std::strerror(errno));
        }
        const ssize_t written = ::write(fd, text.data(), text.size());
        const bool synced = ::fsync(fd) == 0;
        ::close(fd);
        if (written != ssize_t(text.size()) || !synced) {
            return std::unexpected("cannot write " + path.string() + ": " + std::strerror(errno));
        }
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

}  // namespace keiji::app
