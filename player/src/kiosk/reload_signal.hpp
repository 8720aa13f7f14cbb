#pragma once

#include <functional>
#include <thread>

namespace keiji::kiosk {

// SIGHUP, the Unix way to say "read your configuration again", turned into something the main
// loop can wait for. The handler only sets a flag and writes a byte to a pipe (both
// async-signal-safe); a small thread reads the pipe and calls `wake`, which for a window pushes an
// SDL event (thread-safe), so the event wait returns at once instead of at its next deadline.
// One instance at a time; while it lives, SIGHUP no longer ends the process.
class ReloadSignal {
public:
    explicit ReloadSignal(std::function<void()> wake);
    ~ReloadSignal();
    ReloadSignal(const ReloadSignal&) = delete;
    ReloadSignal& operator=(const ReloadSignal&) = delete;

    // True once for each SIGHUP (or burst of them) since the last call.
    [[nodiscard]] bool take_request();

private:
    std::function<void()> m_wake;
    int m_pipe[2] = {-1, -1};
    std::jthread m_reader;
};

}  // namespace keiji::kiosk
