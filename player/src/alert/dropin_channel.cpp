#include "alert/dropin_channel.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "storage/file_io.hpp"

namespace keiji::alert {

DropInChannel::DropInChannel(std::filesystem::path directory, Mailbox& mailbox,
                             const std::function<void(std::string)>& log)
    : m_directory(std::move(directory)), m_mailbox(mailbox) {
    std::error_code error;
    std::filesystem::create_directories(m_directory, error);
    if (error) {
        log("cannot create the drop-in folder " + m_directory.string() + ": " + error.message());
    }
    m_inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (m_inotify >= 0 &&
        inotify_add_watch(m_inotify, m_directory.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO) < 0) {
        // Polling every second still works (for example on a file system without inotify).
        log("cannot watch the drop-in folder " + m_directory.string() + " (" +
            std::strerror(errno) + "); looking every second instead");
        close(m_inotify);
        m_inotify = -1;
    }
    if (pipe2(m_stop_pipe, O_CLOEXEC) != 0) {
        m_stop_pipe[0] = m_stop_pipe[1] = -1;
    }
    m_thread = std::thread([this] { run(); });
}

DropInChannel::~DropInChannel() {
    stop();
}

void DropInChannel::stop() {
    if (m_thread.joinable()) {
        if (m_stop_pipe[1] >= 0) {
            [[maybe_unused]] const ssize_t written = write(m_stop_pipe[1], "x", 1);
        }
        m_thread.join();
    }
    for (int* fd : {&m_inotify, &m_stop_pipe[0], &m_stop_pipe[1]}) {
        if (*fd >= 0) {
            close(*fd);
            *fd = -1;
        }
    }
}

void DropInChannel::post_waiting_files() {
    std::error_code error;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(m_directory, error)) {
        const auto& path = entry.path();
        // Dot files are temporaries being written; they come in with their rename.
        if (entry.is_regular_file() && path.extension() == ".json" &&
            !path.filename().string().starts_with(".")) {
            files.push_back(path);
        }
    }
    // Names usually carry the time; in name order a Cancel dropped after its Alert stays after.
    std::ranges::sort(files);
    for (const auto& path : files) {
        auto contents = storage::read_file(path);
        std::filesystem::remove(path, error);
        // A file that vanished or cannot be read is an envelope that never arrived.
        if (contents) {
            m_mailbox.post(Delivery{"file", std::move(*contents)});
        }
    }
}

void DropInChannel::run() {
    post_waiting_files();
    std::vector<char> buffer(4096);
    while (true) {
        pollfd fds[2] = {{m_stop_pipe[0], POLLIN, 0}, {m_inotify, POLLIN, 0}};
        // Without inotify (a file system that lacks it), look again every second.
        const int ready = poll(fds, m_inotify >= 0 ? 2 : 1, m_inotify >= 0 ? -1 : 1000);
        if (ready < 0 && errno != EINTR) {
            return;
        }
        if (fds[0].revents != 0) {
            return;
        }
        if (m_inotify >= 0 && fds[1].revents != 0) {
            while (read(m_inotify, buffer.data(), buffer.size()) > 0) {
            }
        }
        post_waiting_files();
    }
}

}  // namespace keiji::alert
