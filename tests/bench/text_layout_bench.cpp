// Layout time of a 400-character Japanese paragraph, cold (first layout in the process: BudouX
// model load, fonts opened, glyphs shaped for the first time) and warm (the same again), with the
// fixed-advance fake font (the layout code alone) and with the real fonts through SDL2_ttf.
// Prints figures; asserts nothing about time.
#include <SDL.h>
#include <SDL_ttf.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "../text/fake_font.hpp"
#include "render/font_set.hpp"
#include "render/ttf_metrics.hpp"
#include "text/fit_to_box.hpp"
#include "text/utf8.hpp"

using namespace keiji;
using Clock = std::chrono::steady_clock;

namespace {

// 400 characters from the ward's strategy (seeds/004), with two readings in ruby.
std::string paragraph() {
    const std::u32string source = text::decode_utf8(
        "区民がコミュニティ活動に参加するために必要な情報を手軽に入手できるよう、地域活動の可視化に"
        "つながる情報発信をします。港区は互いの地域の発展と住民のより豊かな生活の実現に向け、全国各"
        "地域との連携を推進しています。住民同士の交流や災害時の相互支援など、様々な連携を図っていま"
        "す。観光冊子やデジタル媒体で、区内全域の観光スポット、季節やテーマに応じた区内観光の見どこ"
        "ろ、観光マナーや多様な文化・習慣等の理解に向けた情報など、観光に関する情報を多言語で広く発"
        "信します。商店会が町会・自治会などの地域団体と共に実施するイベントや若手・女性が主体となっ"
        "て実施する商店街イベントの積極的な支援、商店街イベントのボランティア募集などを通じて、商店"
        "会が抱える担い手不足の解消を図ります。全国連携マルシェin芝浦は11:00〜16:00、区立プラタ"
        "ナス公園（港区芝浦4-20-56）で開かれます。新型コロナウイルスの感染拡大の影響を受け、外国人"
        "人口は、令和3(2021)年には1.8万人を下回りましたが、令和5(2023)年には外国人人口が2万人を超"
        "え、区民における外国人の割合は約8%となりました。地域の共通言語としての「やさしい日本語」の"
        "普及を推進しています。");
    return text::encode_utf8(source.substr(0, 400));
}

template <typename Function>
double milliseconds(Function&& function) {
    const auto start = Clock::now();
    function();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

template <typename Function>
double median_milliseconds(int runs, Function&& function) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        times.push_back(milliseconds(function));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace

int main() {
    const std::string text = paragraph();
    const text::FitRequest request{
        .width = 1600, .height = 900, .preferred_size = 48, .min_size = 24};
    std::size_t lines = 0;

    const test::FakeFont fake;
    const double fake_cold =
        milliseconds([&] { lines = text::fit_to_box(text, request, fake).lines.size(); });
    const double fake_warm =
        median_milliseconds(50, [&] { (void)text::fit_to_box(text, request, fake); });

    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        std::fputs("SDL_ttf cannot start\n", stderr);
        return 1;
    }
    double ttf_cold = 0;
    double ttf_warm = 0;
    int size = 0;
    {
        auto fonts = render::FontSet::create(render::FontSet::debian_default_chain());
        if (!fonts) {
            std::fputs((fonts.error().text() + "\n").c_str(), stderr);
            return 1;
        }
        const render::TtfFont font(*fonts, render::Weight::regular);
        ttf_cold = milliseconds([&] { size = text::fit_to_box(text, request, font).size; });
        ttf_warm = median_milliseconds(20, [&] { (void)text::fit_to_box(text, request, font); });
    }
    TTF_Quit();
    SDL_Quit();

    std::fputs(fmt::format("text layout of a {}-character paragraph at 1600 px, 48 px preferred\n"
                           "  fake font: {} lines; cold {:.2f} ms (includes BudouX model load), "
                           "warm {:.3f} ms (median of 50)\n"
                           "  real fonts (SDL2_ttf + HarfBuzz): size {} px; cold {:.2f} ms "
                           "(fonts opened, first shaping), warm {:.2f} ms (median of 20)\n",
                           text::decode_utf8(text).size(), lines, fake_cold, fake_warm, size,
                           ttf_cold, ttf_warm)
                   .c_str(),
               stdout);
    return 0;
}
