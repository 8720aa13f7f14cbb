#pragma once

#include <cstdint>
#include <optional>

namespace keiji::model {

// A colour written "#RRGGBB" in a playlist.
struct Rgb {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
};

// A playlist's own look ("theme" in the playlist JSON): a few colours and a type scale. Every
// member is optional; the renderer keeps its default for what is not set, and for any colour
// that would take a text/background pair under 4.5:1 (it says so in the log).
struct ThemeSpec {
    std::optional<Rgb> header;  // Header band and event date block (white text on it).
    std::optional<Rgb> accent;  // Partner badge, あと N 日 (white text on it).
    std::optional<Rgb> alert;   // 重要, 本日開催, 開催中 (white text on it).
    std::optional<Rgb> paper;   // Slide background (ink on it).
    std::optional<Rgb> ink;     // Text on paper.
    double type_scale = 1.0;    // Every type size times this, 0.8–1.25.
};

}  // namespace keiji::model
