#include "checks/film_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "media/video_checks.hpp"
#include "media/video_probe.hpp"

namespace keiji::checks {

namespace fs = std::filesystem;

FilmReport check_item_film(const storage::PlaylistFile& file, std::size_t index,
                           render::Frame frame) {
    FilmReport report;
    model::Errors& problems = report.problems;
    const model::Item& item = file.playlist.items.at(index);
    const model::VideoContent* video = model::video_of(item);
    if (video == nullptr) {
        return report;
    }
    const std::string item_pointer = model::append_pointer("/items", index);
    const model::SourceLocation where =
        file.document.location_of(model::append_pointer(item_pointer, "video"));
    const std::string path = storage::resolve_asset(file.playlist.base_directory, video->video);
    std::error_code error;
    if (!fs::is_regular_file(path, error)) {
        problems.push_back(model::Error{
            .where = where,
            .message = {
                fmt::format("the film \"{}\" does not exist (looked for {}); the screen "
                            "skips this item",
                            video->video, path),
                fmt::format("動画ファイル「{}」が見つかりません({} を探しました)。この項目は"
                            "表示されません",
                            video->video, path)}});
        return report;
    }
    const auto facts = media::probe_video(path);
    if (!facts) {
        model::Error failure = facts.error();
        failure.where = where;
        failure.message = {fmt::format("the film \"{}\" cannot be played: {}; the screen skips "
                                       "this item",
                                       video->video, facts.error().text("en")),
                           fmt::format("動画「{}」は再生できません: {}。この項目は表示されません",
                                       video->video, facts.error().text("ja"))};
        problems.push_back(std::move(failure));
        return report;
    }
    if (video->play == model::VideoPlay::to_end && facts->duration.count() > 0) {
        // As content loading gives the screen (play/file_screening.cpp).
        report.slot = std::clamp(std::chrono::ceil<std::chrono::seconds>(facts->duration),
                                 std::chrono::seconds{3}, std::chrono::seconds{3600});
    }
    // "to_end" takes the film's own length; the others fill the item's duration.
    const media::VideoSlot slot{
        .length = video->play == model::VideoPlay::to_end ? std::chrono::seconds{0} : item.duration,
        .loops = video->play != model::VideoPlay::once};
    const media::VideoLimits limits{.screen_width = frame.width, .screen_height = frame.height};
    for (model::Error& problem : media::check_video(*facts, limits, slot, video->video)) {
        problem.where = where;
        problems.push_back(std::move(problem));
    }
    if (video->volume.value_or(0) > 0 && !facts->has_audio) {
        problems.push_back(model::Error{
            .where = file.document.location_of(model::append_pointer(item_pointer, "volume")),
            .message = {"the film has no sound track: it plays silent whatever the volume",
                        "この動画には音声がありません。音量を指定しても音は出ません"},
            .severity = model::Severity::warning});
    }
    return report;
}

model::Errors check_films(const storage::PlaylistFile& file, render::Frame frame) {
    model::Errors problems;
    for (std::size_t i = 0; i < file.playlist.items.size(); ++i) {
        std::ranges::move(check_item_film(file, i, frame).problems, std::back_inserter(problems));
    }
    return problems;
}

}  // namespace keiji::checks
