#include "play/stage.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kiosk/log.hpp"

namespace keiji::play {

namespace {

// The monotonic moment of a wall-clock time, for waking up when an alert expires.
std::chrono::steady_clock::time_point monotonic_at(model::TimePoint wall,
                                                   const model::Instant& now) {
    const auto ahead = std::chrono::system_clock::time_point(wall) - now.wall;
    return now.monotonic + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                               std::max(ahead, std::chrono::system_clock::duration::zero()));
}

}  // namespace

StageResult Stage::update(const model::Instant& now) {
    StageResult result;
    const auto wall = std::chrono::floor<std::chrono::seconds>(now.wall);
    if (m_runtime != nullptr && m_runtime->process(wall)) {
        m_takeover.show(m_runtime->active());
    }
    if (m_takeover.active()) {
        const AlertTakeover::Result shown = m_takeover.update(now);
        m_was_alert = true;
        result.alert_frame = shown.presented;
        result.alert_id = shown.identifier;
        result.alert_language = shown.language;
        result.next_deadline = shown.next_deadline;
        if (shown.presented) {
            kiosk::log(kiosk::Priority::info, "alert",
                       fmt::format("on screen: {} [{}]", shown.identifier, shown.language));
        }
        if (const auto expiry = m_runtime != nullptr ? m_runtime->next_expiry() : std::nullopt) {
            // One second past the expiry, so the wall clock (whole seconds) has passed it.
            result.next_deadline = std::min(result.next_deadline,
                                            monotonic_at(*expiry + std::chrono::seconds(1), now));
        }
        return result;
    }
    if (m_was_alert) {
        m_was_alert = false;
        kiosk::log(kiosk::Priority::info, "alert", "no alert in force: content resumes");
        m_player.resume_after(m_takeover.take_layer(), now);
    }
    result.content = m_player.update(now);
    result.next_deadline = result.content.next_deadline;
    if (m_runtime != nullptr && !m_takeover_prepared && result.content.presented) {
        // Content is on screen; now is the time to make the first alert fast.
        m_takeover.prepare(now);
        m_takeover_prepared = true;
    }
    return result;
}

bool show_restored_alerts(kiosk::AlertRuntime* runtime, AlertTakeover& takeover,
                          const model::Instant& now) {
    if (runtime == nullptr) {
        return false;
    }
    runtime->process(std::chrono::floor<std::chrono::seconds>(now.wall));
    auto active = runtime->active();
    if (active.empty()) {
        return false;
    }
    takeover.show(std::move(active));
    const AlertTakeover::Result shown = takeover.update(now);
    if (shown.presented) {
        kiosk::log(kiosk::Priority::info, "alert",
                   fmt::format("on screen: {} [{}] (restored before any content)", shown.identifier,
                               shown.language));
    }
    return shown.presented;
}

kiosk::OnScreen on_screen(const StageResult& shown) {
    return kiosk::OnScreen{.presented = shown.alert_frame || shown.content.presented,
                           .slide_settled = shown.content.slide_settled,
                           .item_id = shown.content.item_id,
                           .language = shown.content.language,
                           .alert_id = shown.alert_id,
                           .alert_language = shown.alert_language};
}

}  // namespace keiji::play
