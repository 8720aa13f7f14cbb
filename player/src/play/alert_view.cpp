#include "play/alert_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace keiji::play {

namespace {

constexpr std::array<std::string_view, 5> preferred_order = {"ja", "ja-x-easy", "en", "zh-Hans",
                                                             "ko"};

// The official names of 警戒レベル 1–5 (避難情報に関するガイドライン, 2021-05).
constexpr std::array<std::string_view, 6> official_names = {
    "", "早期注意情報", "大雨・洪水・高潮注意報", "高齢者等避難", "避難指示", "緊急安全確保"};

struct Phrases {
    std::string_view language;
    std::array<std::string_view, 6> level_gloss;
    std::string_view shelters;
    std::string_view issued;  // fmt pattern: {0} year, {1} month, {2} day, {3} HH:MM.
    std::string_view more;    // fmt pattern: {} count.
    std::string_view self_name;
};

// Written once here, with the care a translator would take; the alert's own texts come from the
// disaster office.
constexpr std::array<Phrases, 5> phrases = {{
    {"ja",
     {"", "", "", "", "", ""},
     "避難所",
     "発表 {0}年{1}月{2}日 {3}",
     "ほかに {} 件の警報が出ています",
     "日本語"},
    {"ja-x-easy",
     {"", "さいしんの じょうほうに 気《き》を つけて ください",
      "にげる 方法《ほうほう》を たしかめて ください", "お年寄《としよ》りなどは にげて ください",
      "あぶない ところから みんな にげて ください", "いのちを まもって ください"},
     "避難所《ひなんじょ》（にげる ところ）",
     "{1}月《がつ》{2}日《にち》 {3}に 出《だ》しました",
     "ほかにも {} この 警報《けいほう》が あります",
     "やさしい にほんご"},
    {"en",
     {"", "Early warning information", "Heavy rain, flood or storm surge advisory",
      "Elderly and others evacuate", "Evacuation order", "Emergency safety measures"},
     "Shelters",
     "Issued {2}/{1}/{0} {3} JST",
     "{} more alert(s) in force",
     "English"},
    {"zh-Hans",
     {"", "早期注意信息", "大雨・洪水・风暴潮注意报", "老年人等避难", "避难指示", "紧急安全确保"},
     "避难所",
     "发布 {0}年{1}月{2}日 {3}",
     "另有 {} 条警报",
     "简体中文"},
    {"ko",
     {"", "조기 주의 정보", "호우·홍수·해일 주의보", "고령자 등 피난", "피난 지시",
      "긴급 안전 확보"},
     "대피소",
     "발표 {0}년 {1}월 {2}일 {3}",
     "다른 경보 {}건",
     "한국어"},
}};

const Phrases& phrases_for(std::string_view language) {
    const auto found = std::ranges::find(phrases, language, &Phrases::language);
    if (found != phrases.end()) {
        return *found;
    }
    // Other languages get English labels around the office's own texts.
    return phrases[2];
}

}  // namespace

std::vector<std::string> rotation_languages(const alert::Alert& alert) {
    std::vector<std::string> languages;
    for (const std::string_view language : preferred_order) {
        if (alert.has_language(language)) {
            languages.emplace_back(language);
        }
    }
    for (const alert::Info& info : alert.info) {
        if (std::ranges::find(languages, info.language) == languages.end()) {
            languages.push_back(info.language);
        }
    }
    if (languages.empty()) {
        languages.emplace_back("ja");
    }
    return languages;
}

render::AlertView make_alert_view(const alert::Alert& alert, std::string_view language,
                                  const date::time_zone& zone, std::size_t other_alerts) {
    const Phrases& words = phrases_for(language);
    render::AlertView view;
    const alert::Info* info = alert.info_for(language);
    if (alert.level == 0 && info != nullptr && !info->event.empty()) {
        // Not on the 警戒レベル scale: an earthquake is not 「避難指示」. The band names the event
        // in the language on screen, in the colours of an evacuation order.
        view.level = 4;
        view.level_label = info->event;
    } else {
        const int level = std::clamp(alert.level, 1, 5);
        view.level = level;
        view.level_label = fmt::format("警戒レベル{}", level);
        view.level_name = std::string(official_names[std::size_t(level)]);
        view.level_gloss = std::string(words.level_gloss[std::size_t(level)]);
    }
    if (alert.status == alert::Status::exercise) {
        view.drill_mark = "訓練 EXERCISE";
    } else if (alert.status == alert::Status::test) {
        view.drill_mark = "TEST テスト";
    }
    if (info != nullptr) {
        view.headline = info->headline;
        view.instruction = info->instruction.empty() ? info->description : info->instruction;
        view.language = info->language;
    } else {
        view.language = "ja";
    }
    view.shelters_label = std::string(words.shelters);
    for (const alert::Shelter& shelter : alert.shelters) {
        const std::string_view name = shelter.name.pick(language);
        const std::string_view address = shelter.address.pick(language);
        const bool cjk = language.starts_with("ja") || language.starts_with("zh");
        view.shelters.push_back(
            address.empty()
                ? std::string(name)
                : fmt::format(fmt::runtime(cjk ? "{}（{}）" : "{} ({})"), name, address));
    }
    const date::zoned_seconds local(&zone, alert.sent);
    const auto day = date::floor<date::days>(local.get_local_time());
    const date::year_month_day date(day);
    const date::hh_mm_ss time(local.get_local_time() - day);
    view.issued = fmt::format(
        fmt::runtime(words.issued), int(date.year()), unsigned(date.month()), unsigned(date.day()),
        fmt::format("{}:{:02}", time.hours().count(), time.minutes().count()));
    view.area = alert.area;
    if (other_alerts > 0) {
        view.more = fmt::format(fmt::runtime(words.more), other_alerts);
    }
    view.language_label = std::string(words.self_name);
    if (words.language != language) {
        view.language_label = std::string(language);
    }
    return view;
}

}  // namespace keiji::play
