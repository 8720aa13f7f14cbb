#pragma once

#include <date/tz.h>

#include <memory>
#include <string>
#include <vector>

#include "checks/readability.hpp"
#include "model/error.hpp"
#include "model/time.hpp"
#include "render/font_set.hpp"
#include "render/screen.hpp"
#include "render/slide_painter.hpp"

namespace keiji::checks {

// The screen slides are judged on and drawn for: its size, the language it shows, where it is
// seen from, and the moment (an event's あと N 日, what is eligible).
struct ScreenUnderCheck {
    render::Frame frame{1920, 1080};
    std::string language = "ja";
    // The languages the screen shows (the config's "languages"). With more than one, slides
    // carry the label naming theirs and validate reports items that lack some of them.
    std::vector<std::string> languages;
    Viewing viewing;
    model::TimePoint at{};
    const date::time_zone* zone = nullptr;
    std::string header_title{render::default_header_title};
};

// The player's own renderer, off screen, with the fonts of the screen's language: opened once and
// used for many slides (a validate run over many files, a studio's previews). SDL must be started
// (render::SdlRuntime) and stay so while it lives.
class CheckRenderer {
public:
    [[nodiscard]] static model::Result<std::unique_ptr<CheckRenderer>> open(
        const ScreenUnderCheck& screen);

    [[nodiscard]] render::Screen& screen() { return m_screen; }
    [[nodiscard]] render::FontSet& fonts() { return m_fonts; }

private:
    CheckRenderer(render::FontSet fonts, render::Screen screen)
        : m_fonts(std::move(fonts)), m_screen(std::move(screen)) {}

    render::FontSet m_fonts;
    render::Screen m_screen;
};

}  // namespace keiji::checks
