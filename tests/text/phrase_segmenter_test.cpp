#include "text/phrase_segmenter.hpp"

#include <doctest/doctest.h>

#include "text/utf8.hpp"

using keiji::text::decode_utf8;
using keiji::text::encode_utf8;
using keiji::text::PhraseSegmenter;

namespace {

std::string joined_phrases(std::string_view sentence) {
    std::string out;
    for (const auto& phrase : PhraseSegmenter::japanese().phrases(decode_utf8(sentence))) {
        out += (out.empty() ? "" : "|") + encode_utf8(phrase);
    }
    return out;
}

}  // namespace

TEST_CASE("phrases: the examples of the BudouX documentation") {
    CHECK(joined_phrases("今日は天気です。") == "今日は|天気です。");
    CHECK(joined_phrases("今日は良い天気ですね。") == "今日は|良い|天気ですね。");
}

TEST_CASE("phrases: a sentence from the ward's partnership booklet") {
    // What the reference budoux@0.9.2 returns, 郡上|おどり split included.
    CHECK(
        joined_phrases("地縁や歴史的なつながりから、毎年6月に青山で郡上おどりが開かれています。") ==
        "地縁や|歴史的な|つながりから、|毎年|6月に|青山で|郡上|おどりが|開かれています。");
}

TEST_CASE("phrases: empty and one-character text have no boundary") {
    CHECK(PhraseSegmenter::japanese().boundaries(U"").empty());
    CHECK(PhraseSegmenter::japanese().boundaries(U"港").empty());
    CHECK(PhraseSegmenter::japanese().phrases(U"").empty());
}
