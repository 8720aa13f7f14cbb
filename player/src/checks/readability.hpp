#pragma once

#include <chrono>
#include <string_view>

#include "render/geometry.hpp"

namespace keiji::checks {

// WCAG 2.2 success criterion 1.4.3 "Contrast (Minimum)", level AA: 4.5:1 for normal text.
inline constexpr double minimum_contrast = 4.5;

// WCAG relative luminance of an sRGB colour (0 black to 1 white).
[[nodiscard]] double relative_luminance(render::Color color);
// WCAG contrast ratio (L1 + 0.05) / (L2 + 0.05), from 1 to 21, whichever colour is lighter.
[[nodiscard]] double contrast_ratio(render::Color a, render::Color b);

// Reading speed. Japanese: 400 characters a minute, the low end of the 400–600 字/分 that
// Japanese reading-speed measurement gives as the adult average (日本速脳速読協会, "読書速度"):
// a lobby visitor reads standing, at a distance, often in a second language, so the low end.
// Latin-script text: 200 words a minute, below the 238 wpm mean for silent reading of
// non-fiction in English (Brysbaert 2019, "How many words do we read per minute?", Journal of
// Memory and Language 109).
inline constexpr double japanese_characters_per_minute = 400;
inline constexpr double latin_words_per_minute = 200;

// What there is to read: CJK and kana characters one by one, other scripts by words. Ruby
// readings 《…》, the ruby base marker ｜ and white space are not counted.
struct ReadingLoad {
    int characters = 0;
    int words = 0;
};
[[nodiscard]] ReadingLoad reading_load(std::string_view utf8_text);
[[nodiscard]] ReadingLoad operator+(ReadingLoad a, ReadingLoad b);
// Seconds needed at the speeds above, rounded up.
[[nodiscard]] std::chrono::seconds reading_time(ReadingLoad load);

// Legibility. A character can be read from 250 times its height: 視認距離 = 文字高 × 250, the
// rule of Japanese public signage (国土交通省「公共交通機関の旅客施設に関する移動等円滑化
// 整備ガイドライン」: 和文 40 mm for a viewing distance of 10 m).
inline constexpr double legibility_distance_per_height = 250;

// Where the screen is seen from and how big it is (pixels are taken as square).
struct Viewing {
    double distance_m = 3.0;        // A lobby: people pass or wait a few metres away.
    double diagonal_inches = 55.0;  // The ward's lobby screens.
};

// The smallest font size, in pixels of `frame`, that is readable at `viewing`: the em (about the
// height of a kanji) must be at least distance / 250.
[[nodiscard]] int minimum_readable_size(const Viewing& viewing, render::Frame frame);

}  // namespace keiji::checks
