#pragma once

#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/error.hpp"

namespace keiji::alert {

// Where the alert state survives a reboot. Narrow on purpose: the state machine never sees a
// file, and tests use the in-memory store.
class StateStore {
public:
    virtual ~StateStore() = default;
    // The last saved state; nullopt when nothing was ever saved.
    [[nodiscard]] virtual model::Result<std::optional<std::string>> load() = 0;
    // Replaces the saved state. Either the old or the new state survives a crash, never a mix.
    [[nodiscard]] virtual model::Result<void> save(std::string_view state) = 0;
};

// One file in the state directory (alerts.json), written atomically: a temporary file in the
// same directory, fsync, rename over the old one, fsync of the directory.
class FileStateStore final : public StateStore {
public:
    explicit FileStateStore(std::filesystem::path file) : m_file(std::move(file)) {}
    [[nodiscard]] model::Result<std::optional<std::string>> load() override;
    [[nodiscard]] model::Result<void> save(std::string_view state) override;
    [[nodiscard]] const std::filesystem::path& file() const { return m_file; }

private:
    std::filesystem::path m_file;
};

class MemoryStateStore final : public StateStore {
public:
    [[nodiscard]] model::Result<std::optional<std::string>> load() override { return m_state; }
    [[nodiscard]] model::Result<void> save(std::string_view state) override {
        m_state = std::string(state);
        return {};
    }

private:
    std::optional<std::string> m_state;
};

}  // namespace keiji::alert
