#include "model/time.hpp"

#include <date/date.h>

#include <array>
#include <charconv>
#include <sstream>
#include <string>

namespace keiji::model {

namespace {

template <typename Value>
bool parse_whole(std::string_view text, const char* format, Value& value) {
    std::istringstream stream{std::string(text)};
    stream >> date::parse(format, value);
    return !stream.fail() && stream.peek() == std::char_traits<char>::eof();
}

template <typename Value>
bool parse_whole_with_offset(std::string_view text, const char* format, Value& value) {
    std::istringstream stream{std::string(text)};
    std::chrono::minutes offset{0};
    stream >> date::parse(format, value, offset);
    return !stream.fail() && stream.peek() == std::char_traits<char>::eof();
}

}  // namespace

std::optional<TimePoint> parse_timestamp(std::string_view text) {
    // Pick the one format that fits the text's shape instead of trying each in turn: date::parse
    // given "%T" on a time without seconds computes with an unset field (undefined behaviour
    // that UBSan reports), so it must only ever see text of the form it expects.
    if (text.size() < 17 || text[10] != 'T') {
        return std::nullopt;
    }
    const bool has_seconds = text.size() >= 19 && text[16] == ':';
    const bool is_utc = text.back() == 'Z';
    const char* format =
        has_seconds ? (is_utc ? "%FT%TZ" : "%FT%T%Ez") : (is_utc ? "%FT%RZ" : "%FT%R%Ez");
    // date::parse applies a parsed %Ez offset, so the result is already UTC.
    TimePoint value;
    const bool parsed =
        is_utc ? parse_whole(text, format, value) : parse_whole_with_offset(text, format, value);
    return parsed ? std::optional<TimePoint>(value) : std::nullopt;
}

std::optional<std::chrono::year_month_day> parse_date(std::string_view text) {
    if (text.size() != 10) {
        return std::nullopt;
    }
    date::year_month_day parsed{};
    if (!parse_whole(text, "%F", parsed) || !parsed.ok()) {
        return std::nullopt;
    }
    return std::chrono::year_month_day{std::chrono::year{int(parsed.year())},
                                       std::chrono::month{unsigned(parsed.month())},
                                       std::chrono::day{unsigned(parsed.day())}};
}

std::optional<TimeOfDay> parse_time_of_day(std::string_view text) {
    // "24:00" is a legal end of a daily window but not a clock reading, which is why this one
    // small format is read here rather than through a clock-time parser.
    if (text.size() != 5 || text[2] != ':') {
        return std::nullopt;
    }
    int hours = 0;
    int minutes = 0;
    const auto read = [](std::string_view digits, int& out) {
        const auto [end, error] =
            std::from_chars(digits.data(), digits.data() + digits.size(), out);
        return error == std::errc{} && end == digits.data() + digits.size();
    };
    if (!read(text.substr(0, 2), hours) || !read(text.substr(3, 2), minutes)) {
        return std::nullopt;
    }
    if (hours < 0 || minutes < 0 || minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) {
        return std::nullopt;
    }
    return TimeOfDay{hours * 60 + minutes};
}

}  // namespace keiji::model
