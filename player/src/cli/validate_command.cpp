#include "cli/validate_command.hpp"

#include <fmt/format.h>
#include <malloc.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "checks/validate.hpp"
#include "checks/video_file_check.hpp"
#include "cli/check_screen.hpp"
#include "cli/messages.hpp"
#include "render/sdl_runtime.hpp"

namespace keiji::cli {

namespace {

enum class OutputFormat { text, json };

struct ValidateOptions {
    std::vector<std::string> files;
    OutputFormat format = OutputFormat::text;
    checks::Strictness strictness = checks::Strictness::warnings_pass;
};

void print_text(const checks::FileReport& report, std::string_view language) {
    print_problems(report.problems, language);
    if (report.parsed && !report.has_errors()) {
        print(language.starts_with("ja")
                  ? fmt::format("{}: OK({} 項目)\n", report.file, report.items)
                  : fmt::format("{}: ok ({} items)\n", report.file, report.items));
    }
}

// A film: its problems, then what it is, or that it is fine.
void print_video(const checks::VideoReport& video, std::string_view language) {
    print_problems(video.report.problems, language);
    if (!video.facts) {
        return;
    }
    const std::string facts = checks::describe_video(*video.facts, language);
    if (video.report.has_errors()) {
        print(fmt::format("{}: {}\n", video.report.file, facts));
    } else {
        print(language.starts_with("ja") ? fmt::format("{}: OK({})\n", video.report.file, facts)
                                         : fmt::format("{}: ok ({})\n", video.report.file, facts));
    }
}

nlohmann::json to_json(const checks::FileReport& report, std::string_view language) {
    nlohmann::json problems = nlohmann::json::array();
    for (const model::Error& problem : report.problems) {
        problems.push_back(
            {{"file", problem.where.file},
             {"line", problem.where.line},
             {"column", problem.where.column},
             {"pointer", problem.where.pointer},
             {"severity", problem.severity == model::Severity::error ? "error" : "warning"},
             {"message", problem.text(language)},
             {"message_en", problem.text("en")},
             {"message_ja", problem.text("ja")}});
    }
    return {{"file", report.file},
            {"valid", !report.has_errors()},
            {"items", report.items},
            {"problems", std::move(problems)}};
}

int run_validate(const ValidateOptions& options, const checks::ScreenUnderCheck& screen,
                 std::string_view language) {
    // main() has glibc hand every block over 256 KiB back to the kernel when it is freed, which
    // keeps a player that runs for months small. Validating paints thousands of slides in a few
    // seconds, each with text of that size: mapped, zeroed and unmapped again, that was half of
    // its time. A run of validate ends soon; its heap may keep those blocks for the next slide.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    const render::SdlRuntime sdl;
    checks::RendererOrReason renderer =
        sdl.failure().empty() ? checks::CheckRenderer::open(screen)
                              : model::failure(fmt::format("cannot start SDL: {}", sdl.failure()));
    bool failed = false;
    nlohmann::json files = nlohmann::json::array();
    for (const std::string& path : options.files) {
        if (checks::is_video_file(path)) {
            const checks::VideoReport video =
                checks::validate_video_file(path, screen, options.strictness);
            failed = failed || video.report.has_errors();
            if (options.format == OutputFormat::json) {
                nlohmann::json entry = to_json(video.report, language);
                if (video.facts) {
                    entry["video"] = checks::describe_video(*video.facts, language);
                }
                files.push_back(std::move(entry));
            } else {
                print_video(video, language);
            }
            continue;
        }
        const checks::FileReport report =
            checks::validate_file(path, screen, renderer, options.strictness);
        failed = failed || report.has_errors();
        if (options.format == OutputFormat::json) {
            files.push_back(to_json(report, language));
        } else {
            print_text(report, language);
        }
    }
    if (options.format == OutputFormat::json) {
        const nlohmann::json out{
            {"valid", !failed},
            {"screen", fmt::format("{}x{}", screen.frame.width, screen.frame.height)},
            {"files", std::move(files)}};
        print(out.dump(2) + "\n");
    }
    return failed ? 1 : 0;
}

}  // namespace

Command add_validate_command(CLI::App& app, const Context& context) {
    auto options = std::make_shared<ValidateOptions>();
    auto* command = app.add_subcommand(
        "validate",
        "Check playlist files and videos; prints file:line:col: error: /pointer: message");
    command
        ->add_option("FILE", options->files,
                     "Playlist files to check, and videos (.mp4, .m4v, .mov, .mkv, .webm): "
                     "whether the screen plays them well, and the ffmpeg command that "
                     "converts one that it does not")
        ->required()
        ->check(CLI::ExistingFile);
    auto screen = std::make_shared<CheckScreenOptions>(*command);
    command->add_flag_function(
        "--json", [options](std::int64_t) { options->format = OutputFormat::json; },
        "Print one JSON document (files, problems with line, column, pointer, severity, "
        "messages in English and Japanese) on stdout");
    command->add_flag_function(
        "--strict",
        [options](std::int64_t) { options->strictness = checks::Strictness::warnings_fail; },
        "Treat warnings (overflow, tofu, small text, contrast, reading time, never plays) as "
        "errors");
    command->footer(
        "Messages are in Japanese when LANG starts with \"ja\". Exit code: 0 all "
        "valid, 1 problems found, 2 usage error.\n"
        "Rules: text at least viewing distance / 250 high (Japanese public-signage rule, MLIT "
        "barrier-free guideline: 40 mm at 10 m); contrast at least 4.5:1 (WCAG 2.2 AA); "
        "reading at 400 Japanese characters or 200 words a minute.\n"
        "Example: keiji validate playlists/*.json --size 1080x1920 --strict\n"
        "         keiji validate shotengai-pr.mp4 --size 3840x2160");
    const std::string language = context.message_language;
    return Command{command, [options, screen, language] {
                       const auto checked = screen->screen();
                       if (!checked) {
                           return fail("validate", checked.error(), language, 2);
                       }
                       return run_validate(*options, *checked, language);
                   }};
}

}  // namespace keiji::cli
