#include "sync/curl_fetcher.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace keiji::sync {

namespace {

struct Transfer {
    CURL* curl = nullptr;
    const BodySink* sink = nullptr;
    std::int64_t max_bytes = 0;
    std::int64_t received = 0;
    const FetchRequest* request = nullptr;
    bool body_started = false;
    bool resumed = false;
    bool too_large = false;
    bool refused_by_sink = false;
    long status = 0;
    std::string etag;
    std::string last_modified;
};

// A 200 (or file://, which has no status), or the 206 that continues a resumed body, is the
// only body worth keeping; an error page is not content.
bool body_wanted(Transfer& transfer) {
    if (transfer.status == 0) {
        curl_easy_getinfo(transfer.curl, CURLINFO_RESPONSE_CODE, &transfer.status);
    }
    return transfer.status == 200 || transfer.status == 0 ||
           (transfer.status == 206 && transfer.request->resume_from > 0);
}

// Before the first byte: a resumed transfer continues (206, or a file read from the offset),
// or the server sent the whole body and what was kept starts over.
bool start_body(Transfer& transfer) {
    transfer.body_started = true;
    const FetchRequest& request = *transfer.request;
    if (request.resume_from <= 0) {
        return true;
    }
    if (transfer.status == 206 || transfer.status == 0) {
        transfer.resumed = true;
        if (transfer.max_bytes > 0) {
            transfer.max_bytes -= request.resume_from;
        }
        return true;
    }
    return request.start_over && request.start_over();
}

std::size_t receive_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto& transfer = *static_cast<Transfer*>(user);
    const std::size_t length = size * count;
    if (!body_wanted(transfer)) {
        return length;
    }
    if (!transfer.body_started && !start_body(transfer)) {
        transfer.refused_by_sink = true;
        return 0;
    }
    if (transfer.max_bytes > 0 && transfer.received + std::int64_t(length) > transfer.max_bytes) {
        transfer.too_large = true;
        return 0;
    }
    transfer.received += std::int64_t(length);
    if (!(*transfer.sink)(std::string_view(data, length))) {
        transfer.refused_by_sink = true;
        return 0;
    }
    return length;
}

std::string header_value(std::string_view line, std::string_view name) {
    if (line.size() <= name.size() ||
        !std::equal(name.begin(), name.end(), line.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) ==
                   std::tolower(static_cast<unsigned char>(b));
        })) {
        return {};
    }
    std::string_view value = line.substr(name.size());
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
        value.remove_prefix(1);
    }
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ' ||
                              value.back() == '\t')) {
        value.remove_suffix(1);
    }
    return std::string(value);
}

std::size_t receive_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto& transfer = *static_cast<Transfer*>(user);
    const std::string_view line(data, size * count);
    // Every response of a redirect chain has headers; a status line starts the next one.
    if (line.starts_with("HTTP/")) {
        transfer.status = 0;
        transfer.etag.clear();
        transfer.last_modified.clear();
    }
    if (auto etag = header_value(line, "etag:"); !etag.empty()) {
        transfer.etag = std::move(etag);
    }
    if (auto modified = header_value(line, "last-modified:"); !modified.empty()) {
        transfer.last_modified = std::move(modified);
    }
    return size * count;
}

using HeaderList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

}  // namespace

CurlFetcher::CurlFetcher(FetchLimits limits)
    : m_limits(limits), m_curl(curl_easy_init(), &curl_easy_cleanup) {}

model::Result<FetchResult> CurlFetcher::fetch(const FetchRequest& request, const BodySink& sink) {
    if (!m_curl) {
        return model::failure(std::string("libcurl could not start"));
    }
    CURL* curl = m_curl.get();
    // Reset the options but keep the connection cache: the next file reuses the connection.
    curl_easy_reset(curl);
    Transfer transfer{
        .curl = curl, .sink = &sink, .max_bytes = request.max_bytes, .request = &request};
    HeaderList headers(nullptr, &curl_slist_free_all);
    if (!request.if_none_match.empty()) {
        headers.reset(curl_slist_append(headers.release(),
                                        ("If-None-Match: " + request.if_none_match).c_str()));
    }
    if (!request.if_modified_since.empty()) {
        headers.reset(curl_slist_append(
            headers.release(), ("If-Modified-Since: " + request.if_modified_since).c_str()));
    }
    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https,file");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, m_limits.max_redirects);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(m_limits.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(m_limits.total_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, m_limits.stall_bytes_per_second);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, long(m_limits.stall_time.count()));
    if (request.resume_from > 0) {
        curl_easy_setopt(curl, CURLOPT_RESUME_FROM_LARGE, curl_off_t(request.resume_from));
    } else if (request.max_bytes > 0) {
        // (A resumed transfer is held to the limit by receive_body, which knows the offset.)
        curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.max_bytes));
    }
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "keiji/" KEIJI_VERSION);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &receive_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &receive_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);

    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_off_t body_bytes = 0;
    curl_easy_getinfo(curl, CURLINFO_SIZE_DOWNLOAD_T, &body_bytes);
    long header_bytes = 0;
    curl_easy_getinfo(curl, CURLINFO_HEADER_SIZE, &header_bytes);

    if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED) {
        return model::failure(
            fmt::format("{}: larger than the {} bytes allowed", request.url, request.max_bytes));
    }
    if (code == CURLE_RANGE_ERROR && request.resume_from > 0) {
        // The server sends whole files only (it ignored the Range): start over from the first
        // byte, if what was kept can be thrown away.
        if (!request.start_over || !request.start_over()) {
            return model::failure(
                fmt::format("{}: the server cannot continue a download, and "
                            "what arrived before cannot be thrown away",
                            request.url));
        }
        FetchRequest whole = request;
        whole.resume_from = 0;
        return fetch(whole, sink);
    }
    if (transfer.refused_by_sink) {
        return model::failure(fmt::format("{}: the received bytes were refused", request.url));
    }
    if (code != CURLE_OK) {
        return model::failure(fmt::format("{}: {}", request.url, curl_easy_strerror(code)));
    }
    FetchResult result{.etag = transfer.etag,
                       .last_modified = transfer.last_modified,
                       .body_bytes = std::int64_t(body_bytes),
                       .header_bytes = header_bytes,
                       .resumed = transfer.resumed};
    if (status == 304) {
        result.not_modified = true;
        return result;
    }
    if (status == 416) {
        return model::failure(
            fmt::format("{}: the server cannot continue the download from byte {} (HTTP 416)",
                        request.url, request.resume_from));
    }
    if (status != 200 && status != 0 && !(status == 206 && transfer.resumed)) {
        return model::failure(fmt::format("{}: the server answered HTTP {}", request.url, status));
    }
    return result;
}

}  // namespace keiji::sync
