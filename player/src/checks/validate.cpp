#include "checks/validate.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "checks/asset_check.hpp"
#include "checks/film_check.hpp"
#include "checks/language_check.hpp"
#include "checks/slide_check.hpp"
#include "schedule/lint.hpp"

namespace keiji::checks {

bool FileReport::has_errors() const {
    return std::ranges::any_of(
        problems, [](const model::Error& e) { return e.severity == model::Severity::error; });
}

namespace {

void finish(FileReport& report, Strictness strictness) {
    std::ranges::stable_sort(report.problems, [](const model::Error& a, const model::Error& b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    if (strictness == Strictness::warnings_fail) {
        for (model::Error& problem : report.problems) {
            problem.severity = model::Severity::error;
        }
    }
}

}  // namespace

FileReport validate_playlist(const storage::PlaylistFile& file, const ScreenUnderCheck& screen,
                             RendererOrReason& renderer, Strictness strictness) {
    FileReport report{
        .file = file.document.file_name(), .items = file.playlist.items.size(), .parsed = true};
    const auto add = [&](model::Errors more) {
        std::ranges::move(more, std::back_inserter(report.problems));
    };
    add(schedule::schedule_warnings(file.playlist, *screen.zone));
    add(check_images(file, screen.frame));
    add(check_films(file, screen.frame));
    add(check_languages(file, screen.languages));
    const SlideCheckSetup setup{.shot = {.language = screen.language,
                                         .at = screen.at,
                                         .zone = screen.zone,
                                         .header_title = screen.header_title},
                                .viewing = screen.viewing};
    const std::vector<model::Item>& items = file.playlist.items;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (renderer) {
            // The next item's photo decodes on a worker while this item is drawn and judged.
            if (const std::string* image =
                    i + 1 < items.size() ? model::image_of(items[i + 1]) : nullptr) {
                (*renderer)->images().prefetch(
                    storage::resolve_asset(file.playlist.base_directory, *image));
            }
            add(check_slide(**renderer, file, i, setup));
        } else {
            add(check_reading_time(file, i, screen.language));
        }
    }
    if (!renderer) {
        const std::string why = renderer.error().text();
        report.problems.push_back(model::Error{
            .where = {.file = report.file},
            .message = {fmt::format("the slides were not checked with the renderer: {}", why),
                        fmt::format("描画によるチェックはできませんでした: {}", why)},
            .severity = model::Severity::warning});
    }
    finish(report, strictness);
    return report;
}

FileReport validate_file(const std::filesystem::path& path, const ScreenUnderCheck& screen,
                         RendererOrReason& renderer, Strictness strictness) {
    auto file = storage::load_playlist_file(path);
    if (!file) {
        return FileReport{.file = path.string(), .problems = std::move(file.error())};
    }
    return validate_playlist(*file, screen, renderer, strictness);
}

}  // namespace keiji::checks
