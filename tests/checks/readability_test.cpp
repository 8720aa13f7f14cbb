#include "checks/readability.hpp"

#include <doctest/doctest.h>

using namespace keiji::checks;

TEST_CASE("lint: WCAG contrast of black on white is 21:1 and of a colour on itself 1:1") {
    CHECK(contrast_ratio({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21.0));
    CHECK(contrast_ratio({0x76, 0x76, 0x76}, {255, 255, 255}) ==
          doctest::Approx(4.54).epsilon(0.01));
    CHECK(contrast_ratio({10, 20, 30}, {10, 20, 30}) == doctest::Approx(1.0));
}

TEST_CASE("lint: reading load counts Japanese characters and Latin words, not ruby readings") {
    const ReadingLoad load = reading_load("防災《ぼうさい》訓練 in Minato ward");
    CHECK(load.characters == 4);
    CHECK(load.words == 3);
    // 400 characters a minute: 60 characters take 9 s.
    CHECK(reading_time(ReadingLoad{.characters = 60}).count() == 9);
    CHECK(reading_time(ReadingLoad{.words = 10}).count() == 3);
}

TEST_CASE("lint: legibility follows character height >= viewing distance / 250") {
    // 3 m -> 12 mm; a 55-inch 1080p screen has about 1.58 px per mm -> 19 px.
    CHECK(minimum_readable_size(Viewing{.distance_m = 3.0, .diagonal_inches = 55.0},
                                keiji::render::Frame{1920, 1080}) == 19);
    // Portrait: the same panel turned, the same pixel pitch.
    CHECK(minimum_readable_size(Viewing{}, keiji::render::Frame{1080, 1920}) == 19);
    CHECK(minimum_readable_size(Viewing{.distance_m = 10.0}, keiji::render::Frame{1920, 1080}) ==
          64);
}
