#include "alert/http_poll_channel.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <memory>

namespace keiji::alert {

namespace {

struct Response {
    std::string body;
    std::string etag;
    std::string last_modified;
    std::string date;
};

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* response) {
    auto* target = static_cast<Response*>(response);
    // An envelope is a few kilobytes; refuse anything absurd instead of filling memory.
    if (target->body.size() + size * count > 1024 * 1024) {
        return 0;
    }
    target->body.append(data, size * count);
    return size * count;
}

std::string trimmed_value(std::string_view header, std::string_view name) {
    if (header.size() <= name.size() ||
        !std::equal(name.begin(), name.end(), header.begin(),
                    [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
        return {};
    }
    std::string_view value = header.substr(name.size());
    while (!value.empty() && (value.front() == ' ')) {
        value.remove_prefix(1);
    }
    while (!value.empty() &&
           (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
        value.remove_suffix(1);
    }
    return std::string(value);
}

std::size_t read_header(char* data, std::size_t size, std::size_t count, void* response) {
    auto* target = static_cast<Response*>(response);
    const std::string_view header(data, size * count);
    if (auto etag = trimmed_value(header, "etag:"); !etag.empty()) {
        target->etag = std::move(etag);
    }
    if (auto modified = trimmed_value(header, "last-modified:"); !modified.empty()) {
        target->last_modified = std::move(modified);
    }
    if (auto date = trimmed_value(header, "date:"); !date.empty()) {
        target->date = std::move(date);
    }
    return size * count;
}

using CurlHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using HeaderList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

}  // namespace

HttpPollChannel::HttpPollChannel(std::string url, std::chrono::milliseconds interval,
                                 Mailbox& mailbox, model::Clock& clock,
                                 std::function<void(std::string)> log)
    : m_url(std::move(url)),
      m_interval(interval),
      m_mailbox(mailbox),
      m_clock(clock),
      m_log(std::move(log)) {
    m_clock.enroll();
    m_thread = std::thread([this] {
        run();
        m_clock.retire();
    });
}

HttpPollChannel::~HttpPollChannel() {
    stop();
}

void HttpPollChannel::stop() {
    {
        const std::scoped_lock lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void HttpPollChannel::run() {
    while (true) {
        poll_once();
        std::unique_lock lock(m_mutex);
        if (m_clock.wait_until(lock, m_wake, m_clock.now().monotonic + m_interval,
                               [&] { return m_stopping; })) {
            return;
        }
    }
}

void HttpPollChannel::poll_once() {
    CurlHandle curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) {
        return;
    }
    Response response;
    HeaderList headers(nullptr, &curl_slist_free_all);
    if (!m_etag.empty()) {
        headers.reset(curl_slist_append(headers.release(), ("If-None-Match: " + m_etag).c_str()));
    }
    if (!m_last_modified.empty()) {
        headers.reset(curl_slist_append(headers.release(),
                                        ("If-Modified-Since: " + m_last_modified).c_str()));
    }
    curl_easy_setopt(curl.get(), CURLOPT_URL, m_url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, &append_body);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &response);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, &read_header);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &response);
    curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS, 3000L);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 10000L);
    const CURLcode code = curl_easy_perform(curl.get());
    long status = 0;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
    std::string problem;
    if (code != CURLE_OK) {
        problem = fmt::format("cannot poll {}: {}", m_url, curl_easy_strerror(code));
    } else if (status == 200) {
        m_etag = response.etag;
        m_last_modified = response.last_modified;
        // Last-Modified has whole seconds: a second publish in the same second as the file we
        // just fetched would look unmodified forever. Without an ETag, a fresh file is fetched
        // in full again until it is older than that second (and the same body is not posted).
        if (m_etag.empty() && !response.date.empty() &&
            curl_getdate(response.date.c_str(), nullptr) -
                    curl_getdate(m_last_modified.c_str(), nullptr) <
                2) {
            m_last_modified.clear();
        }
        if (!response.body.empty() && response.body != m_last_body) {
            m_last_body = response.body;
            m_mailbox.post(Delivery{"http", std::move(response.body)});
        }
    } else if (status != 304 && status != 404) {
        // 404 is the normal "no alert published" state of a static directory.
        problem = fmt::format("polling {} answered HTTP {}", m_url, status);
    }
    if (problem != m_last_problem) {
        if (!problem.empty() && m_log) {
            m_log(problem);
        }
        m_last_problem = problem;
    }
}

}  // namespace keiji::alert
