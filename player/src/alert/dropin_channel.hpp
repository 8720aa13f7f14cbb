#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "alert/channel.hpp"
#include "alert/mailbox.hpp"

namespace keiji::alert {

// A local trigger: an envelope file (*.json) moved or written into `directory` (by default
// STATE_DIR/incoming) is posted and then removed. Files already there at start are posted too.
// Write the file elsewhere and rename() it in, so a half-written file is never read.
// Uses inotify, so a file is picked up within milliseconds without polling.
class DropInChannel final : public Channel {
public:
    // `log` hears why the folder cannot be watched (it is called before the constructor returns).
    DropInChannel(std::filesystem::path directory, Mailbox& mailbox,
                  const std::function<void(std::string)>& log);
    ~DropInChannel() override;
    DropInChannel(const DropInChannel&) = delete;
    DropInChannel& operator=(const DropInChannel&) = delete;
    void stop() override;

private:
    void run();
    void post_waiting_files();

    std::filesystem::path m_directory;
    Mailbox& m_mailbox;
    int m_inotify = -1;
    int m_stop_pipe[2] = {-1, -1};
    std::thread m_thread;
};

}  // namespace keiji::alert
