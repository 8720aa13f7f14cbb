#include "app/validate_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>

#include "lint/asset_check.hpp"
#include "lint/playlist_file.hpp"
#include "lint/sdl_runtime.hpp"
#include "lint/slide_check.hpp"
#include "render/font_set.hpp"
#include "render/screen.hpp"
#include "schedule/lint.hpp"

namespace keiji::app {

namespace {

struct FileReport {
    std::string file;
    std::size_t items = 0;
    bool parsed = false;
    model::Errors problems;
};

// The renderer the slide checks draw with, opened once for all files. Without it (no fonts,
// SDL cannot start) the structural checks still run and a warning says what was skipped.
struct Renderer {
    lint::SdlRuntime sdl;
    std::optional<render::FontSet> fonts;
    std::optional<render::Screen> screen;
    std::string failure;
};

void open_renderer(Renderer& renderer, const ValidateOptions& options) {
    if (!renderer.sdl.failure().empty()) {
        renderer.failure = renderer.sdl.failure();
        return;
    }
    auto fonts =
        render::FontSet::create(render::FontSet::chain_for_language(options.display_language));
    if (!fonts) {
        renderer.failure = fonts.error();
        return;
    }
    auto screen = render::Screen::open_headless(options.width, options.height);
    if (!screen) {
        renderer.failure = screen.error();
        return;
    }
    renderer.fonts.emplace(std::move(*fonts));
    renderer.screen.emplace(std::move(*screen));
}

FileReport check_file(const std::string& path, const ValidateOptions& options, Renderer& renderer,
                      const date::time_zone& zone) {
    FileReport report{.file = path};
    auto file = lint::read_playlist_file(path);
    if (!file) {
        report.problems = std::move(file.error());
        return report;
    }
    report.parsed = true;
    report.items = file->playlist.items.size();
    const auto add = [&](model::Errors more) {
        std::move(more.begin(), more.end(), std::back_inserter(report.problems));
    };
    add(schedule::schedule_warnings(file->playlist, zone));
    add(lint::check_images(*file, render::Frame{options.width, options.height}));
    const lint::SlideCheckSetup setup{
        .shot = {.language = options.display_language,
                 .at = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()),
                 .zone = &zone,
                 .header_title = "港区と全国をつなぐコーナー"},
        .viewing = options.viewing};
    for (std::size_t i = 0; i < file->playlist.items.size(); ++i) {
        if (renderer.screen) {
            add(lint::check_slide(*renderer.screen, *renderer.fonts, *file, i, setup));
        } else {
            add(lint::check_reading_time(*file, i, options.display_language));
        }
    }
    if (!renderer.screen) {
        report.problems.push_back(model::Error{
            .where = {.file = path},
            .message = {fmt::format("the slides were not checked with the renderer: {}",
                                    renderer.failure),
                        fmt::format("描画によるチェックはできませんでした: {}", renderer.failure)},
            .severity = model::Severity::warning});
    }
    // Warnings in file order, so staff can work down the file.
    std::stable_sort(report.problems.begin(), report.problems.end(),
                     [](const model::Error& a, const model::Error& b) {
                         return std::pair(a.where.line, a.where.column) <
                                std::pair(b.where.line, b.where.column);
                     });
    if (options.strictness == Strictness::warnings_fail) {
        for (model::Error& problem : report.problems) {
            problem.severity = model::Severity::error;
        }
    }
    return report;
}

bool has_errors(const FileReport& report) {
    return std::any_of(report.problems.begin(), report.problems.end(),
                       [](const model::Error& e) { return e.severity == model::Severity::error; });
}

void print_text(const FileReport& report, const ValidateOptions& options) {
    const bool japanese = options.language.starts_with("ja");
    for (const model::Error& problem : report.problems) {
        std::fputs((problem.to_string(options.language) + "\n").c_str(), stderr);
    }
    if (report.parsed && !has_errors(report)) {
        const std::string line =
            japanese ? fmt::format("{}: OK({} 項目)\n", report.file, report.items)
                     : fmt::format("{}: ok ({} items)\n", report.file, report.items);
        std::fputs(line.c_str(), stdout);
    }
}

nlohmann::json to_json(const FileReport& report, const ValidateOptions& options) {
    nlohmann::json problems = nlohmann::json::array();
    for (const model::Error& problem : report.problems) {
        problems.push_back(
            {{"file", problem.where.file},
             {"line", problem.where.line},
             {"column", problem.where.column},
             {"pointer", problem.where.pointer},
             {"severity", problem.severity == model::Severity::error ? "error" : "warning"},
             {"message", problem.message.in(options.language)},
             {"message_en", problem.message.en},
             {"message_ja", problem.message.ja}});
    }
    return {{"file", report.file},
            {"valid", !has_errors(report)},
            {"items", report.items},
            {"problems", std::move(problems)}};
}

}  // namespace

int run_validate(const ValidateOptions& options) {
    const date::time_zone& zone = *date::locate_zone("Asia/Tokyo");
    Renderer renderer;
    open_renderer(renderer, options);
    bool failed = false;
    nlohmann::json files = nlohmann::json::array();
    for (const std::string& path : options.files) {
        const FileReport report = check_file(path, options, renderer, zone);
        failed = failed || has_errors(report);
        if (options.format == OutputFormat::json) {
            files.push_back(to_json(report, options));
        } else {
            print_text(report, options);
        }
    }
    if (options.format == OutputFormat::json) {
        const nlohmann::json out{{"valid", !failed},
                                 {"screen", fmt::format("{}x{}", options.width, options.height)},
                                 {"files", std::move(files)}};
        std::fputs((out.dump(2) + "\n").c_str(), stdout);
    }
    return failed ? 1 : 0;
}

}  // namespace keiji::app
