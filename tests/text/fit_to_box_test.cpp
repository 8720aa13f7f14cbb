#include "text/fit_to_box.hpp"

#include <doctest/doctest.h>

#include "fake_font.hpp"

using namespace keiji::text;
using keiji::test::FakeFont;

TEST_CASE("fit: text that fits keeps the preferred size") {
    const FakeFont font;
    const FitResult result =
        fit_to_box("港区役所", FitRequest{.width = 400, .height = 100, .preferred_size = 40}, font);
    CHECK(result.size == 40);
    CHECK_FALSE(result.overflow);
    CHECK(result.lines.size() == 1);
    CHECK(result.height == 50);
}

TEST_CASE("fit: text shrinks until it fits the box") {
    const FakeFont font;
    const FitRequest request{.width = 200, .height = 70, .preferred_size = 40, .min_size = 10};
    const FitResult result = fit_to_box("全国連携マルシェin芝浦を開催します。", request, font);
    CHECK(result.size < 40);
    CHECK(result.size >= 10);
    CHECK_FALSE(result.overflow);
    CHECK(result.height <= 70);
    // The next size up would not have fitted: shrinking stops as soon as the text fits.
    CHECK(layout_at_size("全国連携マルシェin芝浦を開催します。", request, result.size + 2, font)
              .overflow);
}

TEST_CASE("fit: overflow is reported when even the minimum size does not fit") {
    const FakeFont font;
    const FitRequest request{.width = 100, .height = 20, .preferred_size = 40, .min_size = 16};
    const FitResult result =
        fit_to_box("港区は全国各地域と支え合い、共に発展します。", request, font);
    CHECK(result.size == 16);
    CHECK(result.overflow);
    CHECK(result.lines.size() > 1);
}

TEST_CASE("fit: ruby reserves room above the first line and widens line spacing") {
    const FakeFont font;
    const FitRequest request{.width = 400, .height = 400, .preferred_size = 40};
    const FitResult plain = fit_to_box("避難所です", request, font);
    const FitResult ruby = fit_to_box("避難所《ひなんじょ》です", request, font);
    CHECK(plain.ruby_reserve == 0);
    CHECK(ruby.ruby_reserve == 20);
    CHECK(ruby.ruby_size == 20);
    CHECK(ruby.line_height == 70);
    CHECK(ruby.height == plain.height + 20);
}

TEST_CASE("fit: characters no font has are reported once each") {
    const FakeFont font(U"𠮷☃");
    const FitRequest request{.width = 400, .height = 400, .preferred_size = 20};
    const FitResult result = fit_to_box("𠮷野家と☃と𠮷", request, font);
    CHECK(result.missing_glyphs == U"𠮷☃");
    CHECK(fit_to_box("港区", request, font).missing_glyphs.empty());
}

TEST_CASE("fit: a slightly smaller size that keeps a long word whole beats cutting it") {
    const FakeFont font;
    // One phrase of 12 full-width characters: 480 px at 40 px, so at 40 px it would be cut.
    const FitRequest request{.width = 440,
                             .height = 400,
                             .preferred_size = 40,
                             .min_size = 10,
                             .phrase_cuts = PhraseCuts::avoided};
    const FitResult result = fit_to_box("宗谷版ワーキングホリデー", request, font);
    CHECK(result.lines.size() == 1);
    CHECK(result.size >= 30);
    CHECK(result.size < 40);
    CHECK_FALSE(result.lines[0].splits_phrase);
}

TEST_CASE("fit: below three quarters of the size, cutting the word is the lesser evil") {
    const FakeFont font;
    // Whole, the phrase would need 20 px: too small for a title meant for 40 px.
    const FitRequest request{.width = 250,
                             .height = 400,
                             .preferred_size = 40,
                             .min_size = 10,
                             .phrase_cuts = PhraseCuts::avoided};
    const FitResult result = fit_to_box("宗谷版ワーキングホリデー", request, font);
    CHECK(result.size == 40);
    CHECK(result.lines.size() == 2);
    CHECK(result.lines[0].splits_phrase);
    CHECK_FALSE(result.overflow);
}

TEST_CASE("fit: body text keeps its size and lets a too-long phrase be cut") {
    const FakeFont font;
    const FitRequest request{.width = 440, .height = 400, .preferred_size = 40, .min_size = 10};
    const FitResult result = fit_to_box("宗谷版ワーキングホリデー", request, font);
    CHECK(result.size == 40);
    CHECK(result.lines[0].splits_phrase);
}
