#include "render/template_words.hpp"

#include <fmt/format.h>

namespace keiji::render {

namespace {

constexpr TemplateWords japanese{
    .footer = "港区と全国各地域との連携 ─ お互いのまちをもっとゆたかに",
    .qr_hint = "スマートフォンで詳しく",
    .notice = "お知らせ",
    .important = "重要なお知らせ",
    .when = "日時",
    .where = "会場",
    .running = "開催中",
    .today = "本日開催",
    .days_left = "あと {} 日",
    .day_left = "あと {} 日",
    .months = {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月",
               "12月"},
    .weekdays = {"日", "月", "火", "水", "木", "金", "土"},
    .and_day = "・",
    .range = "〜",
    .day_and_weekday = "{}({})"};
// やさしい日本語: short words, spaces between phrases, no kanji a beginner would not read.
constexpr TemplateWords easy_japanese{
    .footer = "みなとくと ぜんこくの まちが なかよく しています",
    .qr_hint = "スマートフォンで よんでください",
    .notice = "おしらせ",
    .important = "だいじな おしらせ",
    .when = "いつ",
    .where = "どこ",
    .running = "いま やっています",
    .today = "きょう あります",
    .days_left = "あと {} にち",
    .day_left = "あと {} にち",
    .months = {"1がつ", "2がつ", "3がつ", "4がつ", "5がつ", "6がつ", "7がつ", "8がつ", "9がつ",
               "10がつ", "11がつ", "12がつ"},
    .weekdays = {"にち", "げつ", "か", "すい", "もく", "きん", "ど"},
    .and_day = "・",
    .range = "〜",
    .day_and_weekday = "{}({})"};
constexpr TemplateWords english{
    .footer = "Minato City and its partner towns across Japan",
    .qr_hint = "More on your phone",
    .notice = "Notice",
    .important = "Important",
    .when = "When",
    .where = "Venue",
    .running = "On now",
    .today = "Today",
    .days_left = "{} days to go",
    .day_left = "Tomorrow",
    .months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    .weekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
    .and_day = ", ",
    .range = "–",
    .day_and_weekday = "{} ({})"};
constexpr TemplateWords simplified_chinese{
    .footer = "港区与全国各地的合作交流",
    .qr_hint = "用手机查看详情",
    .notice = "通知",
    .important = "重要通知",
    .when = "时间",
    .where = "地点",
    .running = "正在举行",
    .today = "今天举行",
    .days_left = "还有 {} 天",
    .day_left = "还有 {} 天",
    .months = {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月",
               "12月"},
    .weekdays = {"周日", "周一", "周二", "周三", "周四", "周五", "周六"},
    .and_day = "、",
    .range = "–",
    .day_and_weekday = "{}({})"};
constexpr TemplateWords korean{.footer = "미나토구와 전국 각 지역의 교류",
                               .qr_hint = "스마트폰으로 자세히 보기",
                               .notice = "알림",
                               .important = "중요 알림",
                               .when = "일시",
                               .where = "장소",
                               .running = "진행 중",
                               .today = "오늘 개최",
                               .days_left = "{}일 남음",
                               .day_left = "{}일 남음",
                               .months = {"1월", "2월", "3월", "4월", "5월", "6월", "7월", "8월",
                                          "9월", "10월", "11월", "12월"},
                               .weekdays = {"일", "월", "화", "수", "목", "금", "토"},
                               .and_day = ", ",
                               .range = "~",
                               .day_and_weekday = "{}({})"};

}  // namespace

const TemplateWords& words_for(std::string_view language) {
    if (language == "ja-x-easy") {
        return easy_japanese;
    }
    if (language == "en" || language.starts_with("en-")) {
        return english;
    }
    if (language == "zh-Hans" || language == "zh" || language == "zh-CN") {
        return simplified_chinese;
    }
    if (language == "ko" || language.starts_with("ko-")) {
        return korean;
    }
    return japanese;
}

std::string_view month_name(std::string_view language, unsigned month) {
    return words_for(language).months.at((month + 11) % 12);
}

std::string_view weekday_name(std::string_view language, unsigned weekday) {
    return words_for(language).weekdays.at(weekday % 7);
}

std::string days_left_text(std::string_view language, int days) {
    const TemplateWords& words = words_for(language);
    return fmt::format(fmt::runtime(days == 1 ? words.day_left : words.days_left), days);
}

}  // namespace keiji::render
