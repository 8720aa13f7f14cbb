#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "alert/channel.hpp"
#include "alert/mailbox.hpp"
#include "model/clock.hpp"

namespace keiji::alert {

// The fallback when MQTT is unreachable: GET `url` every `interval` with If-None-Match /
// If-Modified-Since, so an unchanged alert costs a 304 and no body. A changed body is posted.
class HttpPollChannel final : public Channel {
public:
    // `clock` times the polls (on a virtual clock they follow simulated time).
    HttpPollChannel(std::string url, std::chrono::milliseconds interval, Mailbox& mailbox,
                    model::Clock& clock, std::function<void(std::string)> log);
    ~HttpPollChannel() override;
    HttpPollChannel(const HttpPollChannel&) = delete;
    HttpPollChannel& operator=(const HttpPollChannel&) = delete;
    void stop() override;

private:
    void run();
    void poll_once();

    std::string m_url;
    std::chrono::milliseconds m_interval;
    Mailbox& m_mailbox;
    model::Clock& m_clock;
    std::function<void(std::string)> m_log;
    std::string m_etag;
    std::string m_last_modified;
    std::string m_last_body;     // Posted already: an identical body is not posted again.
    std::string m_last_problem;  // Logged once per change, not at every poll.
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace keiji::alert
