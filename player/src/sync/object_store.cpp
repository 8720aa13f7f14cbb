#include "sync/object_store.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>

namespace keiji::sync {

namespace fs = std::filesystem;

namespace {

bool looks_like_sha256(std::string_view name) {
    return name.size() == 64 && std::all_of(name.begin(), name.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

}  // namespace

model::Result<void> ObjectStore::open() {
    std::error_code error;
    fs::create_directories(m_root / "objects", error);
    if (!error) {
        fs::create_directories(m_root / "incoming", error);
    }
    if (error) {
        return model::failure(
            model::system_error("cannot create the cache folder", m_root.string(), error.value()));
    }
    // Nothing else writes here, and one player owns its cache: whatever is in incoming/ was cut
    // off by a crash or a power cut.
    for (const auto& entry : fs::directory_iterator(m_root / "incoming", error)) {
        fs::remove(entry.path(), error);
    }
    return {};
}

fs::path ObjectStore::path_of(std::string_view sha256) const {
    const std::string name(sha256);
    return m_root / "objects" / name.substr(0, 2) / name;
}

bool ObjectStore::contains(std::string_view sha256, std::int64_t bytes) const {
    std::error_code error;
    const auto size = fs::file_size(path_of(sha256), error);
    return !error && std::int64_t(size) == bytes;
}

ObjectStore::Incoming::Incoming(storage::FileDescriptor fd, fs::path path, std::string sha256,
                                std::int64_t bytes)
    : m_fd(std::move(fd)),
      m_path(std::move(path)),
      m_expected_sha256(std::move(sha256)),
      m_expected_bytes(bytes) {}

ObjectStore::Incoming::Incoming(Incoming&& other) noexcept
    : m_fd(std::move(other.m_fd)),
      m_path(std::exchange(other.m_path, {})),
      m_expected_sha256(std::move(other.m_expected_sha256)),
      m_expected_bytes(other.m_expected_bytes),
      m_received(other.m_received),
      m_hash(other.m_hash),
      m_problem(std::move(other.m_problem)) {}

ObjectStore::Incoming::~Incoming() {
    // Not committed: the partial file goes. After a commit the path no longer exists.
    if (!m_path.empty()) {
        ::unlink(m_path.c_str());
    }
}

bool ObjectStore::Incoming::write(std::string_view bytes) {
    if (m_problem) {
        return false;
    }
    if (m_received + std::int64_t(bytes.size()) > m_expected_bytes) {
        m_problem = model::error(
            fmt::format("more than the {} bytes the feed announced", m_expected_bytes));
        return false;
    }
    if (!storage::write_all(m_fd.get(), bytes)) {
        m_problem = storage::last_system_error("cannot write", m_path);
        return false;
    }
    m_hash.add(bytes);
    m_received += std::int64_t(bytes.size());
    return true;
}

model::Result<ObjectStore::Incoming> ObjectStore::begin(std::string sha256,
                                                        std::int64_t bytes) const {
    std::string name = (m_root / "incoming" / "download.XXXXXX").string();
    storage::FileDescriptor fd(::mkstemp(name.data()));
    if (fd.get() < 0) {
        return model::failure(storage::last_system_error("cannot create a file in", m_root));
    }
    return Incoming(std::move(fd), fs::path(name), std::move(sha256), bytes);
}

model::Result<void> ObjectStore::commit(Incoming& incoming) const {
    if (incoming.m_problem) {
        return model::failure(*incoming.m_problem);
    }
    if (incoming.m_received != incoming.m_expected_bytes) {
        return model::failure(fmt::format("only {} of the {} bytes the feed announced arrived",
                                          incoming.m_received, incoming.m_expected_bytes));
    }
    const std::string actual = incoming.m_hash.hex_digest();
    if (actual != incoming.m_expected_sha256) {
        return model::failure(
            fmt::format("the bytes do not match the feed's SHA-256 (expected {}, got {})",
                        incoming.m_expected_sha256, actual));
    }
    if (::fchmod(incoming.m_fd.get(), 0644) != 0 || ::fsync(incoming.m_fd.get()) != 0) {
        return model::failure(storage::last_system_error("cannot flush", incoming.m_path));
    }
    const fs::path target = path_of(actual);
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    if (error) {
        return model::failure(
            model::system_error("cannot create", target.parent_path().string(), error.value()));
    }
    if (::rename(incoming.m_path.c_str(), target.c_str()) != 0) {
        return model::failure(storage::last_system_error("cannot rename into", target));
    }
    incoming.m_path.clear();
    storage::fsync_directory(target.parent_path());
    return {};
}

model::Result<std::string> ObjectStore::put(std::string_view bytes) const {
    const std::string sha256 = sha256_hex(bytes);
    if (contains(sha256, std::int64_t(bytes.size()))) {
        return sha256;
    }
    auto incoming = KEIJI_TRY(begin(sha256, std::int64_t(bytes.size())));
    incoming.write(bytes);
    KEIJI_TRY(commit(incoming));
    return sha256;
}

void ObjectStore::touch(std::string_view sha256) const {
    std::error_code error;
    fs::last_write_time(path_of(sha256), fs::file_time_type::clock::now(), error);
}

std::vector<ObjectStore::Entry> ObjectStore::list() const {
    std::vector<Entry> entries;
    std::error_code error;
    for (const auto& shard : fs::directory_iterator(m_root / "objects", error)) {
        std::error_code inner;
        for (const auto& file : fs::directory_iterator(shard.path(), inner)) {
            const std::string name = file.path().filename().string();
            if (!looks_like_sha256(name) || !file.is_regular_file(inner)) {
                continue;
            }
            entries.push_back(Entry{.sha256 = name,
                                    .bytes = std::int64_t(file.file_size(inner)),
                                    .last_used = file.last_write_time(inner)});
        }
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.sha256 < b.sha256; });
    return entries;
}

model::Result<void> ObjectStore::check(const Entry& entry) const {
    const fs::path path = path_of(entry.sha256);
    Sha256 hash;
    KEIJI_TRY(storage::read_in_pieces(path, [&](std::string_view piece) { hash.add(piece); }));
    if (const std::string actual = hash.hex_digest(); actual != entry.sha256) {
        return model::failure(fmt::format(
            "{}: the contents changed on disk (their SHA-256 is now {})", path.string(), actual));
    }
    return {};
}

void ObjectStore::remove(std::string_view sha256) const {
    std::error_code error;
    fs::remove(path_of(sha256), error);
}

}  // namespace keiji::sync
