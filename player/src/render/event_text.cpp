#include "render/event_text.hpp"

#include <fmt/format.h>

#include "render/template_words.hpp"

namespace keiji::render {

namespace {

struct LocalParts {
    unsigned month;
    unsigned day;
    unsigned weekday;
    int minutes;
};

LocalParts local_parts(model::TimePoint when, const date::time_zone& zone) {
    const auto local = zone.to_local(when);
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};
    return {unsigned(ymd.month()), unsigned(ymd.day()), date::weekday{day}.c_encoding(),
            int(std::chrono::duration_cast<std::chrono::minutes>(local - day).count())};
}

std::string hours_text(const model::Session& session, const date::time_zone& zone,
                       std::string_view range) {
    const LocalParts start = local_parts(session.start, zone);
    const LocalParts end = local_parts(session.end, zone);
    const int end_minutes = end.day == start.day ? end.minutes : end.minutes + 24 * 60;
    return fmt::format("{}:{:02}{}{}:{:02}", start.minutes / 60, start.minutes % 60, range,
                       end_minutes / 60, end_minutes % 60);
}

}  // namespace

std::string format_session_days(const std::vector<model::Session>& sessions,
                                const date::time_zone& zone, std::string_view language) {
    const TemplateWords& words = words_for(language);
    std::string out;
    unsigned previous_month = 0;
    unsigned previous_day = 0;
    for (const model::Session& session : sessions) {
        const LocalParts parts = local_parts(session.start, zone);
        if (parts.month == previous_month && parts.day == previous_day) {
            continue;  // Two sessions on one day are one date.
        }
        if (!out.empty()) {
            out += words.and_day;
        }
        if (parts.month != previous_month) {
            out += fmt::format("{}/", parts.month);
        }
        out += fmt::format(fmt::runtime(words.day_and_weekday), parts.day,
                           words.weekdays.at(parts.weekday % 7));
        previous_month = parts.month;
        previous_day = parts.day;
    }
    return out;
}

std::string format_session_hours(const std::vector<model::Session>& sessions,
                                 const date::time_zone& zone, std::string_view language) {
    if (sessions.empty()) {
        return "";
    }
    return hours_text(sessions.front(), zone, words_for(language).range);
}

}  // namespace keiji::render
