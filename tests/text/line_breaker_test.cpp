#include "text/line_breaker.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fake_font.hpp"

using namespace keiji::text;
using keiji::test::FakeMetrics;

namespace {

constexpr int em = 10;

// The lines of `text` at `ems` full-width characters per line.
std::vector<std::string> lines_of(std::string_view text, int ems,
                                  Script script = Script::japanese) {
    const FakeMetrics metrics(em);
    std::vector<std::string> out;
    for (const Line& line : break_lines(text, ems * em, metrics, script)) {
        out.push_back(line.text);
    }
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

namespace doctest {
// Shows the lines in failure messages instead of {?}.
template <>
struct StringMaker<Lines> {
    static String convert(const Lines& lines) {
        std::string out = "[";
        for (const std::string& line : lines) {
            out += (out.size() > 1 ? " | " : "") + line;
        }
        return (out + "]").c_str();
    }
};
}  // namespace doctest

TEST_CASE("lines: breaks fall between phrases, never inside 「区立プラタナス公園」") {
    // The phrase 区立プラタナス公園です。 is wider than the line: it is broken where the script
    // changes (the word boundaries a reader sees), not after プラタ.
    CHECK(lines_of("会場は区立プラタナス公園です。", 8) ==
          Lines{"会場は区立", "プラタナス公園", "です。"});
    CHECK(lines_of("会場は区立プラタナス公園です。", 12) ==
          Lines{"会場は", "区立プラタナス公園です。"});
}

TEST_CASE("lines: U+FFFF in text is laid out, not taken for the end of the text") {
    // Found by the ruby fuzzer: libunibreak failed an assertion and aborted the player.
    CHECK(lines_of("a\uFFFF\uFFFDb", 16) == Lines{"a\uFFFF\uFFFDb"});
}

TEST_CASE("lines: text that fits stays on one line, and \\n always breaks") {
    CHECK(lines_of("港区役所", 10) == Lines{"港区役所"});
    CHECK(lines_of("一行目\n二行目", 10) == Lines{"一行目", "二行目"});
    CHECK(lines_of("", 10) == Lines{""});
    CHECK(lines_of("前\n\n後", 10) == Lines{"前", "", "後"});
}

TEST_CASE("kinsoku: no line starts with a closing bracket, small kana, ー or 。") {
    // Each text is one phrase too long for the line, so only character breaks are possible;
    // the break moves to keep the prohibited character off the line start.
    CHECK(lines_of("シャッターチャンス", 4) == Lines{"シャッ", "ターチャ", "ンス"});
    CHECK(lines_of("ああああ」です", 4) == Lines{"あああ", "あ」です"});
    for (const std::string& line :
         lines_of("ちょっとチェックしてください。ジョギング、キャッチボール。", 3)) {
        const std::u32string decoded(line.begin(), line.end());
        CAPTURE(line);
        CHECK_FALSE(line.starts_with("っ"));
        CHECK_FALSE(line.starts_with("ョ"));
        CHECK_FALSE(line.starts_with("ー"));
        CHECK_FALSE(line.starts_with("。"));
        CHECK_FALSE(line.starts_with("、"));
        CHECK_FALSE(line.starts_with("ャ"));
    }
}

TEST_CASE("kinsoku: no line ends with an opening bracket") {
    const Lines lines = lines_of("詳しくは「港区の全国連携」をご覧ください", 5);
    for (const std::string& line : lines) {
        CAPTURE(line);
        CHECK_FALSE(line.ends_with("「"));
    }
}

TEST_CASE("kinsoku: 、。 hang past the line end instead of pulling a character down") {
    const FakeMetrics metrics(em);
    const auto lines = break_lines("あいうえお。かきくけこ", 5 * em, metrics);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].text == "あいうえお。");
    CHECK(lines[0].hanging == em);
    CHECK(lines[0].width == 6 * em);
    CHECK(lines[1].hanging == 0);
}

TEST_CASE("kinsoku: …… and 〜 ranges are not split") {
    for (const std::string& line : lines_of("それから……どうなった", 3)) {
        CAPTURE(line);
        CHECK_FALSE(line.starts_with("…"));
    }
    CHECK(lines_of("日時は5/10〜11です", 6) == Lines{"日時は", "5/10〜11です"});
}

TEST_CASE("words: Latin words, numbers with units, times, addresses and URLs stay whole") {
    CHECK(lines_of("MINATO CITY MASTER PLAN", 8) == Lines{"MINATO CITY", "MASTER PLAN"});
    CHECK(lines_of("開催日は10日です", 4) == Lines{"開催日は", "10日です"});
    CHECK(lines_of("時間は11:00から", 5) == Lines{"時間は", "11:00から"});
    CHECK(lines_of("住所は港区芝浦4-20-56です", 8) == Lines{"住所は港区芝浦", "4-20-56です"});
    const Lines url = lines_of("詳細はhttps://www.city.minato.tokyo.jp/をご覧ください", 20);
    REQUIRE(url.size() >= 2);
    bool whole = false;
    for (const std::string& line : url) {
        whole = whole || line.find("https://www.city.minato.tokyo.jp/") != std::string::npos;
    }
    CHECK(whole);
}

TEST_CASE("words: a word wider than the line is cut, as the last resort") {
    CHECK(lines_of("abcdefghij", 2) == Lines{"abcd", "efgh", "ij"});
}

TEST_CASE("fallback: a phrase longer than the line breaks between characters") {
    const Lines lines = lines_of("全国連携推進担当課長補佐", 4);
    CHECK(lines == Lines{"全国連携", "推進担当", "課長補佐"});
}

TEST_CASE("ruby: a base is never broken across lines and ruby widens it when longer") {
    const FakeMetrics base(em);
    const FakeMetrics ruby(em / 2);
    // 「承る」 with a 5-kana reading: the reading (2.5 em) is wider than its base (1 em).
    const auto lines =
        break_lines("ご用件を承《うけたまわ》ります", 20 * em, LineFonts{base, &ruby});
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].text == "ご用件を承ります");
    CHECK(lines[0].width == 7 * em + 25);
    const auto narrow =
        break_lines("港区役所《みなとくやくしょ》です", 3 * em, LineFonts{base, &ruby});
    REQUIRE(narrow.size() == 2);
    CHECK(narrow[0].text == "港区役所");  // Wider than the line, but a base is one unit.
    CHECK(narrow[0].pieces.size() == 1);
    CHECK(narrow[0].pieces[0].ruby == U"みなとくやくしょ");
}

TEST_CASE("ruby: pieces alternate plain text and ruby spans") {
    const FakeMetrics base(em);
    const auto lines = break_lines("この避難所《ひなんじょ》は安全《あんぜん》です", 30 * em, base);
    REQUIRE(lines.size() == 1);
    const auto& pieces = lines[0].pieces;
    REQUIRE(pieces.size() == 5);
    CHECK(pieces[0].base == U"この");
    CHECK(pieces[1].base == U"避難所");
    CHECK(pieces[1].ruby == U"ひなんじょ");
    CHECK(pieces[3].ruby == U"あんぜん");
    CHECK(pieces[4].base == U"です");
}

TEST_CASE("other scripts: Korean and English turn at spaces") {
    CHECK(lines_of("The ward office is open today", 8, Script::other) ==
          Lines{"The ward office", "is open today"});
    CHECK(lines_of("구청은 오늘 문을 엽니다", 4, Script::korean) ==
          Lines{"구청은", "오늘", "문을", "엽니다"});
}
