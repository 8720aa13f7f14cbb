#include "text/ruby.hpp"

#include <doctest/doctest.h>

#include "text/utf8.hpp"

using namespace keiji::text;

namespace {

// Renders the parse back as "base" with each span written [base/ruby], for compact checks.
std::string describe(std::string_view notation) {
    const AnnotatedText parsed = parse_ruby(decode_utf8(notation));
    std::string out;
    std::size_t at = 0;
    for (const RubySpan& span : parsed.ruby) {
        out += encode_utf8(std::u32string_view(parsed.base).substr(at, span.begin - at));
        out += "[" +
               encode_utf8(
                   std::u32string_view(parsed.base).substr(span.begin, span.end - span.begin)) +
               "/" + encode_utf8(span.ruby) + "]";
        at = span.end;
    }
    return out + encode_utf8(std::u32string_view(parsed.base).substr(at));
}

}  // namespace

TEST_CASE("ruby: the base of 《》 is the run of kanji before it") {
    CHECK(describe("港区役所《みなとくやくしょ》に来てください") ==
          "[港区役所/みなとくやくしょ]に来てください");
    CHECK(describe("この避難所《ひなんじょ》は安全《あんぜん》です") ==
          "この[避難所/ひなんじょ]は[安全/あんぜん]です");
    CHECK(describe("人々《ひとびと》") == "[人々/ひとびと]");
}

TEST_CASE("ruby: ｜ and | mark an explicit base") {
    CHECK(describe("｜全国連携《ぜんこくれんけい》マルシェ") ==
          "[全国連携/ぜんこくれんけい]マルシェ");
    CHECK(describe("東京都｜港区《みなとく》") == "東京都[港区/みなとく]");
    CHECK(describe("|MINATO《みなと》") == "[MINATO/みなと]");
    CHECK(describe("｜マルシェ《marché》") == "[マルシェ/marché]");
}

TEST_CASE("ruby: 《》 used as brackets and malformed notation stay as text") {
    CHECK(describe("《基本政策3》 地域の課題") == "《基本政策3》 地域の課題");
    CHECK(describe("政策《基本政策3》") == "政策《基本政策3》");  // Not a kana reading.
    CHECK(describe("漢字《かんじ") == "漢字《かんじ");
    CHECK(describe("漢字《》") == "漢字《》");
    CHECK(describe("a | b") == "a | b");
    CHECK(describe("ひらがな《かな》") == "ひらがな《かな》");  // No kanji base.
}

TEST_CASE("ruby: two readings in a row do not share a base") {
    CHECK(describe("東京《とうきょう》港区《みなとく》") == "[東京/とうきょう][港区/みなとく]");
}
