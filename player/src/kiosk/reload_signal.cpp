#include "kiosk/reload_signal.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

namespace keiji::kiosk {

namespace {

std::atomic<bool> g_reload_requested{false};
std::atomic<int> g_wake_fd{-1};

extern "C" void on_sighup(int) {
    const int saved_errno = errno;
    g_reload_requested = true;
    if (const int fd = g_wake_fd.load(); fd >= 0) {
        const char byte = 'h';
        // Non-blocking: a full pipe already holds a wake-up, so a lost byte loses nothing.
        [[maybe_unused]] const auto written = write(fd, &byte, 1);
    }
    errno = saved_errno;
}

}  // namespace

ReloadSignal::ReloadSignal(std::function<void()> wake) : m_wake(std::move(wake)) {
    if (pipe2(m_pipe, O_CLOEXEC) == 0) {
        fcntl(m_pipe[1], F_SETFL, O_NONBLOCK);
        g_wake_fd = m_pipe[1];
        m_reader = std::jthread([this] {
            char byte = 0;
            // The destructor closes the write end: read() then returns 0 and the thread ends.
            while (read(m_pipe[0], &byte, 1) > 0) {
                if (m_wake) {
                    m_wake();
                }
            }
        });
    }
    struct sigaction action {};
    action.sa_handler = on_sighup;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGHUP, &action, nullptr);
}

ReloadSignal::~ReloadSignal() {
    // Back to ignoring SIGHUP rather than the default (ending the process): a late signal during
    // shutdown should not turn a clean exit into a killed one.
    std::signal(SIGHUP, SIG_IGN);
    g_wake_fd = -1;
    if (m_pipe[1] >= 0) {
        close(m_pipe[1]);
    }
    if (m_reader.joinable()) {
        m_reader.join();
    }
    if (m_pipe[0] >= 0) {
        close(m_pipe[0]);
    }
}

bool ReloadSignal::take_request() {
    return g_reload_requested.exchange(false);
}

}  // namespace keiji::kiosk
