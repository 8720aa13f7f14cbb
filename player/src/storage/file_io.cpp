#include "storage/file_io.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <vector>

namespace keiji::storage {

namespace fs = std::filesystem;

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

model::Error last_system_error(std::string_view what, const fs::path& path) {
    return model::system_error(what, path.string(), errno);
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

void fsync_directory(const fs::path& directory) {
    FileDescriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() >= 0) {
        ::fsync(fd.get());
    }
}

model::Result<void> write_file_atomically(const fs::path& file, std::string_view contents,
                                          WriteOptions options) {
    const fs::path directory = file.has_parent_path() ? file.parent_path() : fs::path(".");
    std::error_code error;
    fs::create_directories(directory, error);
    if (error) {
        return model::failure(
            model::system_error("cannot create", directory.string(), error.value()));
    }
    std::string temporary = (directory / ("." + file.filename().string() + ".XXXXXX")).string();
    // mkstemp creates the file 0600: a secret is never readable by others, not even for a moment.
    FileDescriptor fd(::mkstemp(temporary.data()));
    if (fd.get() < 0) {
        return model::failure(last_system_error("cannot create a temporary file in", directory));
    }
    const auto fail = [&](std::string_view what, const fs::path& where) {
        model::Error problem = last_system_error(what, where);
        ::unlink(temporary.c_str());
        return model::failure(std::move(problem));
    };
    if (!write_all(fd.get(), contents)) {
        return fail("cannot write", temporary);
    }
    // The data must be on disk before the rename makes it the file, or a power cut could leave
    // an empty file where the old contents were.
    const mode_t mode = options.access == Access::owner_only ? 0600 : 0644;
    if (::fchmod(fd.get(), mode) != 0 || (options.durable && ::fsync(fd.get()) != 0) ||
        ::close(fd.release()) != 0) {
        return fail("cannot flush", temporary);
    }
    if (::rename(temporary.c_str(), file.c_str()) != 0) {
        return fail("cannot rename into", file);
    }
    if (options.durable) {
        fsync_directory(directory);
    }
    return {};
}

model::Result<void> append_durably(const fs::path& file, std::string_view lines) {
    FileDescriptor fd(::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640));
    if (fd.get() < 0) {
        return model::failure(last_system_error("cannot open", file));
    }
    if (!write_all(fd.get(), lines) || ::fsync(fd.get()) != 0) {
        return model::failure(last_system_error("cannot write", file));
    }
    return {};
}

namespace {

model::Result<std::string> read_open_file(std::FILE* stream, const fs::path& file) {
    std::string contents;
    char buffer[65536];
    while (true) {
        const std::size_t count = std::fread(buffer, 1, sizeof buffer, stream);
        contents.append(buffer, count);
        if (count < sizeof buffer) {
            break;
        }
    }
    if (std::ferror(stream) != 0) {
        return model::failure(last_system_error("cannot read", file));
    }
    return contents;
}

}  // namespace

model::Result<std::string> read_file(const fs::path& file) {
    std::error_code error;
    if (fs::is_directory(file, error)) {
        return model::failure(
            model::Error{.where = {.file = file.string()},
                         .message = {fmt::format("{} is a folder, not a file", file.string()),
                                     fmt::format("{} はフォルダです。ファイルを指定してください",
                                                 file.string())},
                         .cause = {.kind = model::Cause::Kind::system, .code = EISDIR}});
    }
    std::FILE* stream = std::fopen(file.c_str(), "rbe");
    if (stream == nullptr) {
        const int code = errno;
        model::Error problem = model::system_error("cannot read", file.string(), code);
        problem.message.ja =
            code == ENOENT
                ? fmt::format("ファイル {} が見つかりません", file.string())
                : fmt::format("ファイル {} を読めません(権限を確認してください)", file.string());
        if (code == ENOENT) {
            problem.message.en = fmt::format("the file {} does not exist", file.string());
        }
        return model::failure(std::move(problem));
    }
    auto contents = read_open_file(stream, file);
    std::fclose(stream);
    return contents;
}

model::Result<std::optional<std::string>> read_file_if_exists(const fs::path& file) {
    auto contents = read_file(file);
    if (contents) {
        return std::optional<std::string>(std::move(*contents));
    }
    if (contents.error().cause.is(model::Cause::Kind::system, ENOENT)) {
        return std::optional<std::string>();
    }
    return std::unexpected(std::move(contents.error()));
}

model::Result<void> read_in_pieces(const fs::path& file,
                                   const std::function<void(std::string_view)>& consume) {
    FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        return model::failure(last_system_error("cannot read", file));
    }
    std::vector<char> buffer(64 * 1024);
    while (true) {
        const ssize_t count = ::read(fd.get(), buffer.data(), buffer.size());
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count < 0) {
            return model::failure(last_system_error("cannot read", file));
        }
        if (count == 0) {
            return {};
        }
        consume(std::string_view(buffer.data(), std::size_t(count)));
    }
}

model::Result<std::string> read_standard_input() {
    return read_open_file(stdin, "standard input");
}

}  // namespace keiji::storage
