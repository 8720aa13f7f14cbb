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

// True when `text` matches `shape`, where '9' stands for any ASCII digit and every other
// character for itself.
bool has_shape(std::string_view text, std::string_view shape) {
    if (text.size() != shape.size()) {
        return false;
    }
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const bool digit = text[i] >= '0' && text[i] <= '9';
        if (shape[i] == '9' ? !digit : text[i] != shape[i]) {
            return false;
        }
    }
    return true;
}

// The timestamps content may use: date and time to the minute or second, then Z or an offset.
bool is_timestamp_shaped(std::string_view text) {
    if (text.size() < 17) {
        return false;
    }
    const bool has_seconds = text.size() >= 19 && text[16] == ':';
    const std::string_view date_time = text.substr(0, has_seconds ? 19 : 16);
    const std::string_view zone = text.substr(date_time.size());
    const bool zone_ok = zone == "Z" || (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') &&
                                         has_shape(zone.substr(1), "99:99"));
    return zone_ok &&
           has_shape(date_time, has_seconds ? "9999-99-99T99:99:99" : "9999-99-99T99:99");
}

}  // namespace

std::optional<TimePoint> parse_timestamp(std::string_view text) {
    // Pick the one format that fits the text's shape instead of trying each in turn, and only
    // after checking that shape character by character: date::parse computes with fields left
    // unset when the text strays from its format ("T18:00::00" made it convert a NaN, undefined
    // behaviour that UBSan reports), so it must only ever see text of the form it expects.
    if (!is_timestamp_shaped(text)) {
        return std::nullopt;
    }
    const bool has_seconds = text[16] == ':';
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
    // Shape first, for the same reason as parse_timestamp's.
    if (!has_shape(text, "9999-99-99")) {
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
