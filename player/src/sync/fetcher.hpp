#pragma once

#include <chrono>
#include <cstdint>
#include <expected>
#include <functional>
#include <string>
#include <string_view>

#include "model/error.hpp"

namespace keiji::sync {

struct FetchRequest {
    std::string url;
    // Validators from the last response, for a conditional GET; empty: fetch unconditionally.
    std::string if_none_match;
    std::string if_modified_since;
    std::int64_t max_bytes = 0;  // A body larger than this is refused (0: no limit).
    // The first `resume_from` bytes are already here: ask for the rest only (an HTTP Range).
    // A server that sends the whole body instead is fine: `start_over` is called before its
    // first byte, and the transfer fails when it returns false (or is empty).
    std::int64_t resume_from = 0;
    std::function<bool()> start_over;
};

struct FetchResult {
    bool not_modified = false;  // 304: the copy we have is current; no body was delivered.
    std::string etag;
    std::string last_modified;
    std::int64_t body_bytes = 0;  // Received by this transfer (the rest, when resumed).
    std::int64_t header_bytes = 0;
    bool resumed = false;  // The server sent the rest (206), not the whole body again.
};

// Receives the body as it arrives; returning false aborts the transfer.
using BodySink = std::function<bool(std::string_view)>;

// One GET. Only a complete 200 (or 304, or a 206 that continues a resumed body) is a
// success; anything else is an error in words.
class Fetcher {
public:
    virtual ~Fetcher() = default;
    [[nodiscard]] virtual model::Result<FetchResult> fetch(const FetchRequest& request,
                                                           const BodySink& sink) = 0;
};

struct FetchLimits {
    std::chrono::milliseconds connect_timeout{10'000};
    // A transfer slower than this for `stall_time` is given up (a drip must not hang a sync).
    long stall_bytes_per_second = 1024;
    std::chrono::seconds stall_time{30};
    std::chrono::milliseconds total_timeout{600'000};
    long max_redirects = 5;
};

}  // namespace keiji::sync
