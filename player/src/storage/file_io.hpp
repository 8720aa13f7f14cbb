#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "model/error.hpp"

namespace keiji::storage {

// Closes a file descriptor on every path out.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor();
    FileDescriptor(FileDescriptor&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    FileDescriptor& operator=(FileDescriptor&& other) noexcept;
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    [[nodiscard]] int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

// The error of the system call that just failed on `path` (errno kept as its cause).
[[nodiscard]] model::Error last_system_error(std::string_view what,
                                             const std::filesystem::path& path);

// Writes every byte to `fd`, retrying short writes and EINTR.
[[nodiscard]] bool write_all(int fd, std::string_view bytes);

// Makes the entries of `directory` (a rename, a new file) survive a power cut.
void fsync_directory(const std::filesystem::path& directory);

// Who may read a file written here: everyone (0644), or its owner only (0600: secret keys).
enum class Access { shared, owner_only };

struct WriteOptions {
    Access access = Access::shared;
    // fsync before and after the rename, so the file survives a power cut. Frames written by a
    // headless run only need to be whole for their reader, not durable: no fsync for them.
    bool durable = true;
};

// Writes `contents` to `file` atomically: a temporary file in the same directory, fsync, rename
// over the old one, fsync of the directory. After a crash either the old or the new contents
// are there, never a mix and never an empty file. An owner-only file is private from its first
// byte on.
[[nodiscard]] model::Result<void> write_file_atomically(const std::filesystem::path& file,
                                                        std::string_view contents,
                                                        WriteOptions options = {});

// Appends whole lines to `file` (created if need be, mode 0640) with O_APPEND and fsync: a crash
// leaves at worst a torn last line, never a gap.
[[nodiscard]] model::Result<void> append_durably(const std::filesystem::path& file,
                                                 std::string_view lines);

// The whole file. A missing file, a folder, or a file that cannot be read is an error that says
// which, in English and Japanese.
[[nodiscard]] model::Result<std::string> read_file(const std::filesystem::path& file);

// The whole file, or nullopt when it does not exist.
[[nodiscard]] model::Result<std::optional<std::string>> read_file_if_exists(
    const std::filesystem::path& file);

// Reads `file` piece by piece (64 kB at a time) into `consume`: for files too big to hold, such
// as a cached video being hashed again.
[[nodiscard]] model::Result<void> read_in_pieces(
    const std::filesystem::path& file, const std::function<void(std::string_view)>& consume);

// Standard input, whole ("-" on the command line).
[[nodiscard]] model::Result<std::string> read_standard_input();

}  // namespace keiji::storage
