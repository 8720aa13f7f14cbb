#include "storage/file_io.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace keiji::storage {

FileDescriptor::~FileDescriptor() {
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

FileDescriptor& FileDescriptor::operator=(FileDescriptor&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

std::string describe_errno(std::string_view what, const std::filesystem::path& path) {
    return fmt::format("{} {}: {}", what, path.string(), std::strerror(errno));
}

bool write_all(int fd, std::string_view bytes) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t count = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count < 0) {
            return false;
        }
        written += std::size_t(count);
    }
    return true;
}

void fsync_directory(const std::filesystem::path& directory) {
    FileDescriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() >= 0) {
        ::fsync(fd.get());
    }
}

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
        return std::unexpected(describe_errno("cannot create a temporary file in", directory));
    }
    const auto fail = [&](std::string_view what, const std::filesystem::path& where) {
        std::string message = describe_errno(what, where);
        ::unlink(temporary.c_str());
        return std::unexpected(std::move(message));
    };
    if (!write_all(fd.get(), contents)) {
        return fail("cannot write", temporary);
    }
    // The data must be on disk before the rename makes it the file, or a power cut could leave
    // an empty file where the old contents were.
    if (::fchmod(fd.get(), 0644) != 0 || ::fsync(fd.get()) != 0 || ::close(fd.release()) != 0) {
        return fail("cannot flush", temporary);
    }
    if (::rename(temporary.c_str(), file.c_str()) != 0) {
        return fail("cannot rename into", file);
    }
    fsync_directory(directory);
    return {};
}

std::expected<std::optional<std::string>, std::string> read_file_if_exists(
    const std::filesystem::path& file) {
    std::error_code error;
    if (!std::filesystem::exists(file, error)) {
        return std::optional<std::string>();
    }
    std::ifstream stream(file, std::ios::binary);
    std::ostringstream contents;
    contents << stream.rdbuf();
    if (!stream) {
        return std::unexpected(describe_errno("cannot read", file));
    }
    return std::optional<std::string>(contents.str());
}

}  // namespace keiji::storage
