#pragma once

#include <chrono>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "storage/file_io.hpp"
#include "sync/sha256.hpp"

namespace keiji::sync {

// Files stored under their SHA-256, never under a name from the network:
//   <root>/objects/9f/9f86d0…   complete, verified, immutable
//   <root>/incoming/            downloads in progress (a crash leaves them; open() clears them,
//                               but for <sha256>.part, a large file cut off that resumes)
// An object appears under its name only by a rename after its bytes were checked and flushed,
// so a power cut at any instant leaves either no object or a complete one.
class ObjectStore {
public:
    explicit ObjectStore(std::filesystem::path root) : m_root(std::move(root)) {}

    // Creates the folders and removes what interrupted downloads left behind.
    [[nodiscard]] model::Result<void> open();

    [[nodiscard]] const std::filesystem::path& root() const { return m_root; }
    [[nodiscard]] std::filesystem::path path_of(std::string_view sha256) const;
    // The object is there with `bytes` bytes (its hash was checked when it was stored).
    [[nodiscard]] bool contains(std::string_view sha256, std::int64_t bytes) const;

    // A download in progress: bytes are hashed as they arrive, and more than expected is
    // refused at once so a lying server cannot fill the disk.
    class Incoming {
    public:
        Incoming(Incoming&& other) noexcept;
        Incoming& operator=(Incoming&&) = delete;
        ~Incoming();
        // False (and the download is spoiled) beyond the expected size or on a write error.
        bool write(std::string_view bytes);
        [[nodiscard]] std::int64_t received() const { return m_received; }
        // Why the download is spoiled (too many bytes, a write error); nullopt while it is fine.
        [[nodiscard]] const std::optional<model::Error>& problem() const { return m_problem; }
        // Throws away what was received: the server is sending the whole file again.
        bool start_over();

    private:
        friend class ObjectStore;
        Incoming(storage::FileDescriptor fd, std::filesystem::path path, std::string sha256,
                 std::int64_t bytes);
        storage::FileDescriptor m_fd;
        std::filesystem::path m_path;
        std::string m_expected_sha256;
        std::int64_t m_expected_bytes;
        std::int64_t m_received = 0;
        Sha256 m_hash;
        std::optional<model::Error> m_problem;
        // A partial download (resume()) stays for the next attempt unless its bytes are wrong.
        bool m_keep_on_failure = false;
    };

    [[nodiscard]] model::Result<Incoming> begin(std::string sha256, std::int64_t bytes) const;
    // A download that continues where an earlier one was cut off: the bytes kept in
    // incoming/<sha256>.part are hashed again and count as received, and if this transfer is
    // cut off too, what it added stays for the next (bytes that are wrong never stay).
    [[nodiscard]] model::Result<Incoming> resume(std::string sha256, std::int64_t bytes) const;
    // Checks size and hash, flushes, and renames the download into place.
    [[nodiscard]] model::Result<void> commit(Incoming& incoming) const;
    // Stores bytes already in memory (the feed itself); returns their hash.
    [[nodiscard]] model::Result<std::string> put(std::string_view bytes) const;
    // Marks an object as used now, for least-recently-used eviction.
    void touch(std::string_view sha256) const;

    struct Entry {
        std::string sha256;
        std::int64_t bytes = 0;
        std::filesystem::file_time_type last_used;
    };
    [[nodiscard]] std::vector<Entry> list() const;
    // The partial downloads kept for resuming (`last_used`: when one was last written).
    [[nodiscard]] std::vector<Entry> partial_downloads() const;
    // Removes the partial downloads of files no longer wanted (the feed moved on).
    void drop_partial_downloads(const std::vector<std::string>& except_sha256) const;
    // Reads an object back and hashes it: an error when it cannot be read or its bytes changed.
    [[nodiscard]] model::Result<void> check(const Entry& entry) const;
    void remove(std::string_view sha256) const;

private:
    std::filesystem::path m_root;
};

}  // namespace keiji::sync
