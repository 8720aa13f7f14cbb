#include "checks/readability.hpp"

#include <algorithm>
#include <cmath>

#include "text/utf8.hpp"

namespace keiji::checks {

namespace {

double linear(std::uint8_t channel) {
    const double value = channel / 255.0;
    return value <= 0.04045 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

// Han, kana, CJK punctuation, Hangul and full-width forms are read character by character.
bool is_cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) || c >= 0x20000;
}

bool is_space(char32_t c) {
    return c == U' ' || c == U'\n' || c == U'\t' || c == U'\r' || c == U'\u3000';
}

}  // namespace

double relative_luminance(render::Color color) {
    return 0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b);
}

double contrast_ratio(render::Color a, render::Color b) {
    const double la = relative_luminance(a);
    const double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

ReadingLoad reading_load(std::string_view utf8_text) {
    ReadingLoad load;
    bool in_reading = false;
    bool in_word = false;
    for (const char32_t c : text::decode_utf8(utf8_text)) {
        if (c == U'《') {
            in_reading = true;
        } else if (c == U'》') {
            in_reading = false;
        }
        if (in_reading || c == U'》' || c == U'｜' || c == U'|') {
            in_word = false;
            continue;
        }
        if (is_space(c)) {
            in_word = false;
        } else if (is_cjk(c)) {
            ++load.characters;
            in_word = false;
        } else if (!in_word) {
            ++load.words;
            in_word = true;
        }
    }
    return load;
}

ReadingLoad operator+(ReadingLoad a, ReadingLoad b) {
    return ReadingLoad{a.characters + b.characters, a.words + b.words};
}

std::chrono::seconds reading_time(ReadingLoad load) {
    const double seconds = load.characters * 60.0 / japanese_characters_per_minute +
                           load.words * 60.0 / latin_words_per_minute;
    return std::chrono::seconds{static_cast<long long>(std::ceil(seconds))};
}

int minimum_readable_size(const Viewing& viewing, render::Frame frame) {
    const double diagonal_px = std::hypot(double(frame.width), double(frame.height));
    const double pixels_per_mm = diagonal_px / (viewing.diagonal_inches * 25.4);
    const double height_mm = viewing.distance_m * 1000.0 / legibility_distance_per_height;
    return static_cast<int>(std::ceil(height_mm * pixels_per_mm));
}

}  // namespace keiji::checks
