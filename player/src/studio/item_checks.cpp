#include "studio/item_checks.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "checks/asset_check.hpp"
#include "checks/film_check.hpp"
#include "checks/slide_check.hpp"
#include "schedule/lint.hpp"
#include "storage/playlist_file.hpp"

namespace keiji::studio {

nlohmann::json playlist_of_one(const nlohmann::json& item, const nlohmann::json& playlist_extra) {
    nlohmann::json playlist =
        playlist_extra.is_object() ? playlist_extra : nlohmann::json::object();
    playlist["items"] = nlohmann::json::array({item});
    return playlist;
}

model::Errors item_problems(const nlohmann::json& item, const nlohmann::json& playlist_extra,
                            const std::filesystem::path& uploads, const date::time_zone& zone) {
    model::Errors problems;
    auto file = storage::parse_playlist_file(playlist_of_one(item, playlist_extra).dump(2), "item",
                                             uploads.string());
    if (!file) {
        problems = std::move(file.error());
    } else {
        // A form starts with empty texts; one that must be there and is empty in every language
        // is an error here (the file format lets it pass, and the screen would show nothing).
        for (const char* member : {"title", "municipality"}) {
            const nlohmann::json text = item.value(member, nlohmann::json());
            const bool empty =
                text.is_string() ? text.get<std::string>().empty()
                : text.is_object()
                    ? std::ranges::all_of(
                          text.items(),
                          [](const auto& entry) {
                              return !entry.value().is_string() ||
                                     entry.value().template get<std::string>().empty();
                          })
                    : false;
            if (item.contains(member) && empty) {
                problems.push_back(model::Error{
                    .where = {.pointer = fmt::format("/{}", member)},
                    .message = {
                        fmt::format("the {} is empty: write it in Japanese at least",
                                    member == std::string_view("title") ? "title" : "municipality"),
                        fmt::format(
                            "{}が空です。少なくとも日本語で書いてください",
                            member == std::string_view("title") ? "タイトル" : "自治体名")}});
            }
        }
        std::ranges::move(schedule::schedule_warnings(file->playlist, zone),
                          std::back_inserter(problems));
        std::ranges::move(checks::check_images(*file, render::Frame{1920, 1080}),
                          std::back_inserter(problems));
        std::ranges::move(checks::check_films(*file, render::Frame{1920, 1080}),
                          std::back_inserter(problems));
        std::ranges::move(checks::check_reading_time(*file, 0, "ja"), std::back_inserter(problems));
    }
    for (model::Error& problem : problems) {
        if (problem.where.pointer.starts_with("/items/0")) {
            problem.where.pointer.erase(0, 8);
        }
        // The file format's words ("name the film's file") are for people who write JSON.
        if (problem.where.pointer == "/video" && item.value("video", "x").empty()) {
            problem.message = {"upload the film (MP4 or WebM) to show",
                               "流す動画(MP4・WebM)をアップロードしてください"};
        }
    }
    return problems;
}

bool has_errors(const model::Errors& problems) {
    return std::ranges::any_of(
        problems, [](const model::Error& e) { return e.severity == model::Severity::error; });
}

std::optional<nlohmann::json> item_template(std::string_view type, const std::string& id,
                                            std::string_view today) {
    const nlohmann::json empty_text = {{"ja", ""}};
    if (type == "promo") {
        return nlohmann::json{{"type", "promo"},
                              {"id", id},
                              {"duration", 10},
                              {"prefecture", empty_text},
                              {"municipality", empty_text},
                              {"title", empty_text},
                              {"body", empty_text}};
    }
    if (type == "event") {
        return nlohmann::json{{"type", "event"},
                              {"id", id},
                              {"duration", 10},
                              {"title", empty_text},
                              {"venue", empty_text},
                              {"sessions",
                               {{{"start", fmt::format("{}T10:00:00+09:00", today)},
                                 {"end", fmt::format("{}T16:00:00+09:00", today)}}}}};
    }
    if (type == "video") {
        return nlohmann::json{
            {"type", "video"},       {"id", id},    {"duration", 30}, {"title", empty_text},
            {"caption", empty_text}, {"video", ""}, {"play", "loop"}};
    }
    if (type == "notice") {
        return nlohmann::json{{"type", "notice"},
                              {"id", id},
                              {"duration", 10},
                              {"title", empty_text},
                              {"body", empty_text}};
    }
    return std::nullopt;
}

}  // namespace keiji::studio
