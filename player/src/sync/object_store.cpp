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

constexpr std::string_view part_suffix = ".part";

// "<sha256>.part": a partial download kept for resuming. Returns the hash, or "".
std::string_view part_of(std::string_view name) {
    if (!name.ends_with(part_suffix)) {
        return {};
    }
    name.remove_suffix(part_suffix.size());
    return looks_like_sha256(name) ? name : std::string_view{};
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
        if (part_of(entry.path().filename().string()).empty()) {
            fs::remove(entry.path(), error);
        }
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
      m_problem(std::move(other.m_problem)),
      m_keep_on_failure(other.m_keep_on_failure) {}

ObjectStore::Incoming::~Incoming() {
    // Not committed: the partial file goes, unless it is a sound start to resume from. After a
    // commit the path no longer exists.
    if (!m_path.empty() && !(m_keep_on_failure && !m_problem && m_received > 0)) {
        ::unlink(m_path.c_str());
    }
}

bool ObjectStore::Incoming::start_over() {
    if (::ftruncate(m_fd.get(), 0) != 0 || ::lseek(m_fd.get(), 0, SEEK_SET) != 0) {
        m_problem = storage::last_system_error("cannot empty", m_path);
        return false;
    }
    m_hash = Sha256();
    m_received = 0;
    m_problem.reset();
    return true;
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

model::Result<ObjectStore::Incoming> ObjectStore::resume(std::string sha256,
                                                         std::int64_t bytes) const {
    if (!looks_like_sha256(sha256)) {
        return begin(std::move(sha256), bytes);
    }
    const fs::path path = m_root / "incoming" / (sha256 + std::string(part_suffix));
    storage::FileDescriptor fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
    if (fd.get() < 0) {
        return model::failure(storage::last_system_error("cannot create", path));
    }
    Incoming incoming(std::move(fd), path, std::move(sha256), bytes);
    incoming.m_keep_on_failure = true;
    // What an earlier attempt kept is hashed again, as it is on disk now.
    std::int64_t kept = 0;
    const auto hashed = storage::read_in_pieces(path, [&](std::string_view piece) {
        incoming.m_hash.add(piece);
        kept += std::int64_t(piece.size());
    });
    if (!hashed || kept > bytes || ::lseek(incoming.m_fd.get(), 0, SEEK_END) != kept) {
        incoming.start_over();
        return incoming;
    }
    incoming.m_received = kept;
    return incoming;
}

std::vector<ObjectStore::Entry> ObjectStore::partial_downloads() const {
    std::vector<Entry> parts;
    std::error_code error;
    for (const auto& file : fs::directory_iterator(m_root / "incoming", error)) {
        const std::string name = file.path().filename().string();
        std::error_code inner;
        if (const std::string_view sha256 = part_of(name); !sha256.empty()) {
            parts.push_back(Entry{.sha256 = std::string(sha256),
                                  .bytes = std::int64_t(file.file_size(inner)),
                                  .last_used = file.last_write_time(inner)});
        }
    }
    return parts;
}

void ObjectStore::drop_partial_downloads(const std::vector<std::string>& except_sha256) const {
    for (const Entry& part : partial_downloads()) {
        if (std::find(except_sha256.begin(), except_sha256.end(), part.sha256) ==
            except_sha256.end()) {
            std::error_code error;
            fs::remove(m_root / "incoming" / (part.sha256 + std::string(part_suffix)), error);
        }
    }
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
        // Complete and wrong: resuming it again would only give the same bytes.
        incoming.m_problem = model::error(
            fmt::format("the bytes do not match the feed's SHA-256 (expected {}, got {})",
                        incoming.m_expected_sha256, actual));
        return model::failure(*incoming.m_problem);
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
