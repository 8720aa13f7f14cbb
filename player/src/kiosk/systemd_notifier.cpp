#include "kiosk/systemd_notifier.hpp"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <cstdlib>

namespace keiji::kiosk {

SystemdNotifier::SystemdNotifier() {
    m_active = std::getenv("NOTIFY_SOCKET") != nullptr;
    std::uint64_t watchdog_usec = 0;
    if (m_active && sd_watchdog_enabled(0, &watchdog_usec) > 0 && watchdog_usec > 0) {
        m_max_sleep = std::chrono::milliseconds(watchdog_usec / 2000);
    }
}

void SystemdNotifier::ready() {
    if (m_active && !m_ready_sent) {
        sd_notify(0, "READY=1");
        m_ready_sent = true;
    }
}

void SystemdNotifier::watchdog() {
    // Sent from the main loop only: if rendering hangs, the pings stop and systemd restarts us.
    if (m_active && m_max_sleep) {
        sd_notify(0, "WATCHDOG=1");
    }
}

void SystemdNotifier::status(const std::string& text) {
    if (m_active && text != m_last_status) {
        sd_notify(0, ("STATUS=" + text).c_str());
        m_last_status = text;
    }
}

}  // namespace keiji::kiosk
