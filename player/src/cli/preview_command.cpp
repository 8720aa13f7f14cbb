#include "cli/preview_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>

#include "checks/contact_sheet.hpp"
#include "checks/preview.hpp"
#include "cli/check_screen.hpp"
#include "cli/messages.hpp"
#include "render/png.hpp"
#include "render/sdl_runtime.hpp"

namespace keiji::cli {

namespace {

struct PreviewOptions {
    std::string file;
    std::string out_directory;
};

// Ids are free text; a file name keeps letters, digits, '-', '_' and '.' (and any non-ASCII).
std::string file_name_for(std::size_t index, const std::string& id) {
    std::string safe;
    for (const char c : id) {
        const auto byte = static_cast<unsigned char>(c);
        safe +=
            (std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.' || byte >= 0x80) ? c : '_';
    }
    return fmt::format("{:02}-{}.png", index + 1, safe);
}

int run_preview(const PreviewOptions& options, const checks::ScreenUnderCheck& screen,
                std::string_view language) {
    auto file = storage::load_playlist_file(options.file);
    if (!file) {
        print_problems(file.error(), language);
        return 1;
    }
    const render::SdlRuntime sdl;
    if (!sdl.failure().empty()) {
        return fail("preview", "cannot start SDL: " + sdl.failure());
    }
    auto renderer = checks::CheckRenderer::open(screen);
    if (!renderer) {
        return fail("preview", renderer.error());
    }
    const std::filesystem::path folder(options.out_directory);
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) {
        return fail("preview", fmt::format("cannot create the folder {}: {}", folder.string(),
                                           error.message()));
    }
    std::vector<checks::SheetEntry> entries;
    for (std::size_t i = 0; i < file->playlist.items.size(); ++i) {
        auto preview = checks::preview_item(*file, i, screen, **renderer);
        if (!preview) {
            return fail("preview", preview.error());
        }
        if (auto saved =
                render::save_png(*preview->picture, folder / file_name_for(i, preview->id));
            !saved) {
            return fail("preview", saved.error());
        }
        print_problems(preview->problems, language);
        auto thumbnail = render::scaled_copy(*preview->picture,
                                             screen.frame.width > screen.frame.height ? 480 : 270);
        if (!thumbnail) {
            return fail("preview", thumbnail.error());
        }
        entries.push_back(checks::SheetEntry{.id = preview->id,
                                             .duration = preview->duration,
                                             .playing = preview->playing,
                                             .problems = std::move(preview->problems),
                                             .image = std::move(*thumbnail)});
    }
    auto sheet = checks::make_contact_sheet(entries, (*renderer)->fonts(), language);
    if (!sheet) {
        return fail("preview", sheet.error());
    }
    if (auto saved = render::save_png(**sheet, folder / "contact-sheet.png"); !saved) {
        return fail("preview", saved.error());
    }
    print(fmt::format("{}: {} slides and contact-sheet.png in {}\n", options.file, entries.size(),
                      options.out_directory));
    return 0;
}

}  // namespace

Command add_preview_command(CLI::App& app, const Context& context) {
    auto options = std::make_shared<PreviewOptions>();
    auto* command = app.add_subcommand(
        "preview", "Draw each item of a playlist as a PNG, plus contact-sheet.png");
    command->add_option("FILE", options->file, "Playlist file")
        ->required()
        ->check(CLI::ExistingFile);
    command->add_option("--out", options->out_directory, "Folder for the PNG files")->required();
    auto screen = std::make_shared<CheckScreenOptions>(*command);
    command->footer(
        "Example: keiji preview playlists/partners.json --out preview --size 1080x1920 "
        "(portrait)");
    const std::string language = context.message_language;
    return Command{command, [options, screen, language] {
                       const auto checked = screen->screen();
                       if (!checked) {
                           return fail("preview", checked.error(), language, 2);
                       }
                       return run_preview(*options, *checked, language);
                   }};
}

}  // namespace keiji::cli
