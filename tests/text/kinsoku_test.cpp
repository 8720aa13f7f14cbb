#include "text/kinsoku.hpp"

#include <doctest/doctest.h>

#include <string_view>

using namespace keiji::text;

TEST_CASE("kinsoku: JLREQ strict line-start prohibitions") {
    for (const char32_t c :
         std::u32string_view(U"」』）】〕、。，．・：；！？ーぁっゃゅょァッャ々ゝヽ〜％")) {
        CAPTURE(std::uint32_t(c));
        CHECK(cannot_start_line(c));
    }
    for (const char32_t c : std::u32string_view(U"あ港「（Aア1")) {
        CAPTURE(std::uint32_t(c));
        CHECK_FALSE(cannot_start_line(c));
    }
}

TEST_CASE("kinsoku: line-end prohibitions are opening brackets and prefixes") {
    for (const char32_t c : std::u32string_view(U"「『（【〔〈《“￥＄")) {
        CAPTURE(std::uint32_t(c));
        CHECK(cannot_end_line(c));
    }
    CHECK_FALSE(cannot_end_line(U'」'));
    CHECK_FALSE(cannot_end_line(U'。'));
}

TEST_CASE("kinsoku: …… and —— are inseparable, 、。 may hang") {
    CHECK(inseparable(U'…', U'…'));
    CHECK(inseparable(U'—', U'—'));
    CHECK_FALSE(inseparable(U'…', U'あ'));
    CHECK(may_hang(U'、'));
    CHECK(may_hang(U'。'));
    CHECK_FALSE(may_hang(U'」'));
}
