#include "app/preview_command.hpp"

#include <SDL.h>
#include <SDL_image.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "app/contact_sheet.hpp"
#include "app/player.hpp"
#include "lint/asset_check.hpp"
#include "lint/playlist_file.hpp"
#include "lint/sdl_runtime.hpp"
#include "lint/slide_check.hpp"
#include "model/time.hpp"
#include "render/font_set.hpp"
#include "render/screen.hpp"
#include "schedule/eligibility.hpp"

namespace keiji::app {

namespace {

void print_error(const std::string& text) {
    std::fputs(("keiji preview: " + text + "\n").c_str(), stderr);
}

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

// A reduced copy of what `screen` shows, `width` pixels wide.
render::SurfaceHandle thumbnail(const render::Screen& screen, int width) {
    const render::Frame frame = screen.frame();
    render::SurfaceHandle full(
        SDL_CreateRGBSurfaceWithFormat(0, frame.width, frame.height, 32, SDL_PIXELFORMAT_ARGB8888));
    const int height = std::max(1, width * frame.height / frame.width);
    render::SurfaceHandle small(
        SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!full || !small ||
        SDL_RenderReadPixels(screen.renderer(), nullptr, SDL_PIXELFORMAT_ARGB8888, full->pixels,
                             full->pitch) != 0 ||
        SDL_SoftStretchLinear(full.get(), nullptr, small.get(), nullptr) != 0) {
        return nullptr;
    }
    return small;
}

}  // namespace

int run_preview(const PreviewOptions& options) {
    const auto at = options.at
                        ? model::parse_timestamp(*options.at)
                        : std::optional<model::TimePoint>(std::chrono::floor<std::chrono::seconds>(
                              std::chrono::system_clock::now()));
    if (!at) {
        print_error(
            fmt::format("--at \"{}\" is not a date and time; write it like "
                        "2025-11-20T10:00:00+09:00",
                        *options.at));
        return 2;
    }
    auto file = lint::read_playlist_file(options.file);
    if (!file) {
        for (const model::Error& error : file.error()) {
            std::fputs((error.to_string(options.message_language) + "\n").c_str(), stderr);
        }
        return 1;
    }
    const date::time_zone& zone = *date::locate_zone("Asia/Tokyo");
    lint::SdlRuntime sdl;
    if (!sdl.failure().empty()) {
        print_error("cannot start SDL: " + sdl.failure());
        return 1;
    }
    auto fonts = render::FontSet::create(render::FontSet::chain_for_language(options.language));
    auto screen = render::Screen::open_headless(options.width, options.height);
    if (!fonts || !screen) {
        print_error(!fonts ? fonts.error() : screen.error());
        return 1;
    }
    std::error_code error;
    std::filesystem::create_directories(options.out_directory, error);
    if (error) {
        print_error(
            fmt::format("cannot create the folder {}: {}", options.out_directory, error.message()));
        return 1;
    }

    const render::Frame frame = screen->frame();
    const model::Errors image_problems = lint::check_images(*file, frame);
    const lint::SlideCheckSetup setup{.shot = {.language = options.language,
                                               .at = *at,
                                               .zone = &zone,
                                               .header_title = PlayerOptions{}.header_title},
                                      .viewing = options.viewing};
    std::vector<SheetEntry> entries;
    for (std::size_t i = 0; i < file->playlist.items.size(); ++i) {
        const model::Item& item = file->playlist.items[i];
        SheetEntry entry{.id = item.id,
                         .duration = item.duration,
                         .playing = schedule::is_eligible(item, *at, zone)};
        const std::string prefix = model::append_pointer("/items", i);
        for (const model::Error& problem : image_problems) {
            if (problem.where.pointer.starts_with(prefix + "/")) {
                entry.problems.push_back(problem);
            }
        }
        // check_slide paints the slide and header; what it leaves on the screen is the preview.
        for (model::Error& problem : lint::check_slide(*screen, *fonts, *file, i, setup)) {
            entry.problems.push_back(std::move(problem));
        }
        const std::string path =
            (std::filesystem::path(options.out_directory) / file_name_for(i, item.id)).string();
        if (auto saved = screen->save_png(path); !saved) {
            print_error(saved.error());
            return 1;
        }
        entry.image = thumbnail(*screen, frame.width > frame.height ? 480 : 270);
        for (const model::Error& problem : entry.problems) {
            std::fputs((problem.to_string(options.message_language) + "\n").c_str(), stderr);
        }
        entries.push_back(std::move(entry));
    }
    const std::string sheet =
        (std::filesystem::path(options.out_directory) / "contact-sheet.png").string();
    if (auto written = write_contact_sheet(sheet, entries, *fonts, options.message_language);
        !written) {
        print_error(written.error());
        return 1;
    }
    std::fputs(fmt::format("{}: {} slides and contact-sheet.png in {}\n", options.file,
                           entries.size(), options.out_directory)
                   .c_str(),
               stdout);
    return 0;
}

}  // namespace keiji::app
