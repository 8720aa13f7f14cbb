// Addresses, phone numbers, network names and runs with no legal break, at every width from
// narrow to wide: properties a typesetter would check, not one expected layout.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fake_font.hpp"
#include "text/line_breaker.hpp"
#include "text/utf8.hpp"

using namespace keiji::text;
using keiji::test::FakeMetrics;

namespace {

constexpr int em = 10;

std::vector<std::string> lines_at(std::string_view text, int width) {
    const FakeMetrics metrics(em);
    std::vector<std::string> out;
    for (const Line& line : break_lines(text, width, metrics)) {
        out.push_back(line.text);
    }
    return out;
}

// The lines put back together, and the text, without spaces (a break swallows the spaces it
// falls on).
std::string without_spaces(std::string text) {
    std::erase(text, ' ');
    return text;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) {
        text += line;
    }
    return without_spaces(text);
}

// Where `token` is cut: the text of the line ends that fall inside it.
std::vector<std::string> cuts_inside(const std::vector<std::string>& lines,
                                     const std::string& token) {
    std::vector<std::string> cuts;
    std::string text;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        text += without_spaces(lines[i]);
        const auto at = joined(lines).find(without_spaces(token));
        if (at != std::string::npos && text.size() > at &&
            text.size() < at + without_spaces(token).size()) {
            cuts.push_back(text.substr(at));
        }
    }
    return cuts;
}

int width_of(std::string_view text) {
    return FakeMetrics(em).width(decode_utf8(text));
}

}  // namespace

TEST_CASE("addresses: a URL longer than the line breaks only after / . ? & or -") {
    const std::string url =
        "https://www.city.minato.tokyo.jp/kyodo/zenkokurenkei.html?lang=ja&page=2";
    const std::string text = "詳しくは" + url + "をご覧ください";
    for (int width = 12 * em; width <= 40 * em; width += em / 2) {
        CAPTURE(width);
        const auto lines = lines_at(text, width);
        CHECK(joined(lines) == without_spaces(text));  // Nothing lost, nothing added.
        for (const std::string& cut : cuts_inside(lines, url)) {
            CAPTURE(cut);
            CHECK(std::string_view("/.?&-").find(cut.back()) != std::string_view::npos);
        }
    }
}

TEST_CASE("addresses: an e-mail address breaks only after . or - when it must break at all") {
    const std::string mail = "minato-renkei@city.minato.tokyo.jp";
    const std::string text = "お問い合わせはメールで" + mail + "までお寄せください。";
    for (int width = 10 * em; width <= 30 * em; width += em / 2) {
        CAPTURE(width);
        const auto lines = lines_at(text, width);
        CHECK(joined(lines) == without_spaces(text));
        const auto cuts = cuts_inside(lines, mail);
        if (width >= width_of(mail)) {
            CHECK(cuts.empty());  // It fits on a line of its own: it moves there whole.
        }
        for (const std::string& cut : cuts) {
            CAPTURE(cut);
            CHECK(std::string_view(".-").find(cut.back()) != std::string_view::npos);
        }
    }
}

TEST_CASE("tokens: a phone number, its bracket, a network name move to the next line whole") {
    for (const auto& [text, token] : {
             std::pair<std::string, std::string>{
                 "お問い合わせは港区役所 全国連携推進担当（電話03-3578-2509）へどうぞ",
                 "03-3578-2509）"},
             {"区役所の無料Wi-Fiは「Minato_Free_Wi-Fi」をお使いください", "「Minato_Free_Wi-Fi」"},
             {"代表電話 TEL 03-3578-2111(代表) FAX 03-3578-2034", "03-3578-2111(代表)"},
         }) {
        for (int width = width_of(token); width <= 30 * em; width += em / 2) {
            CAPTURE(text);
            CAPTURE(width);
            const auto lines = lines_at(text, width);
            CHECK(joined(lines) == without_spaces(text));
            CHECK(cuts_inside(lines, token).empty());
        }
    }
}

TEST_CASE("tokens: a short bracketed group is not split when the line can end before it") {
    const std::string text = "全国連携推進担当 03-3578-2509（平日）";
    for (int width = width_of("03-3578-2509"); width <= 24 * em; width += em / 2) {
        CAPTURE(width);
        const auto lines = lines_at(text, width);
        CHECK(joined(lines) == without_spaces(text));
        CHECK(cuts_inside(lines, "（平日）").empty());
    }
}

TEST_CASE("no legal break: small kana and iteration marks come out unchanged in fewest lines") {
    for (const std::string& text :
         {std::string("ぁぁぁぁぁぁぁぁぁぁぁ"), std::string("ゝゞゝゞゝゞゝゞゝゞ"),
          std::string("ッッッーーー」」」。。。")}) {
        for (int ems = 2; ems <= 8; ++ems) {
            CAPTURE(text);
            CAPTURE(ems);
            const auto lines = lines_at(text, ems * em);
            CHECK(joined(lines) == without_spaces(text));
            const int characters = int(decode_utf8(text).size());
            // Every line but the last is full: the fewest forced breaks (、。 may hang one more).
            CHECK(int(lines.size()) <= (characters + ems - 1) / ems);
        }
    }
}
