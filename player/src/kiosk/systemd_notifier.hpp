#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace keiji::kiosk {

// Talks to systemd when the player runs as a Type=notify service (NOTIFY_SOCKET is set);
// does nothing otherwise.
class SystemdNotifier {
public:
    SystemdNotifier();
    void ready();
    void watchdog();
    void status(const std::string& text);
    // Half the service's WatchdogSec: the longest the main loop may sleep. nullopt: no watchdog.
    [[nodiscard]] std::optional<std::chrono::milliseconds> max_sleep() const { return m_max_sleep; }

private:
    bool m_active = false;
    bool m_ready_sent = false;
    std::optional<std::chrono::milliseconds> m_max_sleep;
    std::string m_last_status;
};

}  // namespace keiji::kiosk
