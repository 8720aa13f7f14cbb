#include "alert/state_store.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

namespace keiji::alert {

namespace {

std::string system_error(std::string_view what, const std::filesystem::path& path) {
    return fmt::format("{} {}: {}", what, path.string(), std::strerror(errno));
}

// Closes a file descriptor on every path out.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    [[nodiscard]] int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

}  // namespace

std::expected<void, std::string> write_file_atomically(const std::filesystem::path& file,
                                                       std::string_view contents) {
    const std::filesystem::path directory =
        file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error) {
        return std::unexpected(
            fmt::format("cannot create {}: {}", directory.string(), error.message()));
    }
    std::string temporary = (directory / ("." + file.filename().string() + ".XXXXXX")).string();
    FileDescriptor fd(::mkstemp(temporary.data()));
    if (fd.get() < 0) {
        return std::unexpected(system_error("cannot create a temporary file in", directory));
    }
    const auto remove_temporary = [&] { ::unlink(temporary.c_str()); };
    std::size_t written = 0;
    while (written < contents.size()) {
        const ssize_t count =
            ::write(fd.get(), contents.data() + written, contents.size() - written);
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count < 0) {
            const std::string message = system_error("cannot write", temporary);
            remove_temporary();
            return std::unexpected(message);
        }
        written += std::size_t(count);
    }
    // The data must be on disk before the rename makes it the state, or a power cut could leave
    // an empty file where the alert was.
    if (::fchmod(fd.get(), 0644) != 0 || ::fsync(fd.get()) != 0 || ::close(fd.release()) != 0) {
        const std::string message = system_error("cannot flush", temporary);
        remove_temporary();
        return std::unexpected(message);
    }
    if (::rename(temporary.c_str(), file.c_str()) != 0) {
        const std::string message = system_error("cannot rename into", file);
        remove_temporary();
        return std::unexpected(message);
    }
    // The rename itself lives in the directory; without this fsync it may be lost on power cut.
    FileDescriptor directory_fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (directory_fd.get() >= 0) {
        ::fsync(directory_fd.get());
    }
    return {};
}

std::expected<std::optional<std::string>, std::string> FileStateStore::load() {
    std::error_code error;
    if (!std::filesystem::exists(m_file, error)) {
        return std::optional<std::string>();
    }
    std::ifstream stream(m_file, std::ios::binary);
    if (!stream) {
        return std::unexpected(system_error("cannot read", m_file));
    }
    std::ostringstream contents;
    contents << stream.rdbuf();
    return std::optional<std::string>(contents.str());
}

std::expected<void, std::string> FileStateStore::save(std::string_view state) {
    return write_file_atomically(m_file, state);
}

}  // namespace keiji::alert
