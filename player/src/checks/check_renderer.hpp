#pragma once

#include <date/tz.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "checks/readability.hpp"
#include "model/error.hpp"
#include "model/time.hpp"
#include "render/font_set.hpp"
#include "render/image_cache.hpp"
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
    // The last photos drawn, kept at the size they are drawn (a preview redrawn as staff type
    // does not decode and scale its photo again), and the next one decoding (validate).
    [[nodiscard]] render::ImageCache& images() { return m_images; }
    // The slide's and the header's layers, made once and painted over for every slide: making
    // two frame-sized layers for each slide cost more than painting it (a validate of many
    // items spent 60 % of its time having fresh pages zeroed).
    [[nodiscard]] SDL_Texture* slide_layer();
    [[nodiscard]] SDL_Texture* header_layer();
    // Where the checks read pixels back, kept between slides for the same reason.
    [[nodiscard]] std::vector<std::uint32_t>& read_back_buffer() { return m_read_back; }

private:
    CheckRenderer(render::FontSet fonts, render::Screen screen)
        : m_fonts(std::move(fonts)), m_screen(std::move(screen)) {}

    render::FontSet m_fonts;
    render::Screen m_screen;
    // Declared after the screen, so they are destroyed before its renderer.
    render::ImageCache m_images{3};
    render::TextureHandle m_slide;
    render::TextureHandle m_header;
    std::vector<std::uint32_t> m_read_back;
};

}  // namespace keiji::checks
