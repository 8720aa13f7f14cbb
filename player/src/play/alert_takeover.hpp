#pragma once

#include <date/tz.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "alert/alert.hpp"
#include "model/clock.hpp"
#include "render/font_set.hpp"
#include "render/screen.hpp"

namespace keiji::play {

// The full-screen alert: paints the most urgent active alert and rotates its languages
// (ja → やさしい日本語 → en → zh-Hans → ko …) every `rotation` period. Draws only when the
// alert or the language changes, like the player.
class AlertTakeover {
public:
    AlertTakeover(render::Screen& screen, const date::time_zone& zone,
                  std::chrono::milliseconds rotation);

    // The alerts to show, most urgent first (empty: the takeover ends). Takes effect at the next
    // update(), which paints at once.
    void show(std::vector<alert::Alert> alerts);
    [[nodiscard]] bool active() const { return !m_alerts.empty(); }

    // Opens the fonts of every rotation language and paints a sample alert off screen, so the
    // first real alert does not pay for opening font files (tens of milliseconds). Call it once
    // when the screen is idle, after the first frame of content.
    void prepare(const model::Instant& now);

    struct Result {
        bool presented = false;  // A new alert frame went to the screen.
        std::string identifier;
        std::string language;
        std::chrono::steady_clock::time_point next_deadline;
    };
    Result update(const model::Instant& now);
    // Shows the current frame again on the next update (the window was exposed or resized).
    void invalidate() {
        m_screen.damage_all();
        m_needs_present = true;
    }

    // The last alert frame, for the crossfade back to normal content. Empty when none was drawn.
    render::TextureHandle take_layer() { return std::move(m_layer); }

private:
    render::FontSet& fonts_for(const std::string& language);
    void paint(const model::Instant& now);

    render::Screen& m_screen;
    const date::time_zone& m_zone;
    std::chrono::milliseconds m_rotation;
    std::map<std::string, render::FontSet, std::less<>> m_fonts;  // By language, opened lazily.
    std::vector<alert::Alert> m_alerts;
    std::vector<std::string> m_languages;  // Rotation of the alert on screen.
    std::size_t m_language_index = 0;
    std::string m_shown_key;  // Identifier and sequence of the alert on screen.
    bool m_needs_paint = false;
    bool m_needs_present = false;
    render::TextureHandle m_layer;
    std::chrono::steady_clock::time_point m_next_rotation{};
};

}  // namespace keiji::play
