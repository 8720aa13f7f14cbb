#pragma once

#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

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

// "cannot write /x: No space left on device": what failed, where, and errno's words.
[[nodiscard]] std::string describe_errno(std::string_view what, const std::filesystem::path& path);

// Writes every byte to `fd`, retrying short writes and EINTR.
[[nodiscard]] bool write_all(int fd, std::string_view bytes);

// Makes the entries of `directory` (a rename, a new file) survive a power cut.
void fsync_directory(const std::filesystem::path& directory);

// Writes `contents` to `file` atomically: a temporary file in the same directory, fsync, rename
// over the old one, fsync of the directory. After a crash either the old or the new contents
// are there, never a mix and never an empty file.
[[nodiscard]] std::expected<void, std::string> write_file_atomically(
    const std::filesystem::path& file, std::string_view contents);

// The whole file, or nullopt when it does not exist.
[[nodiscard]] std::expected<std::optional<std::string>, std::string> read_file_if_exists(
    const std::filesystem::path& file);

}  // namespace keiji::storage
