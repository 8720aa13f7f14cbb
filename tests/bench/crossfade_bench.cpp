// Time to compose one crossfade frame with SDL's software renderer, the way the player does it:
// two slide layers painted once (real fonts, real photos), the header layer on top, and for every
// frame render::compose_transition() plus Screen::present() (on this software renderer: the two
// slides blended in one pass of keiji's own below the header, then the header copied over).
// Sizes 1920x1080 and 3840x2160 by default.
//
//   keiji_crossfade_bench [--frames N] [--size WxH]... [--save-midway DIR] PLAYLIST.json
//
// --save-midway writes the frame halfway through the fade of each size as DIR/crossfade-WxH.png,
// to look at what was timed.
//
// Prints one line per size: "crossfade WxH frames N p50 A ms p99 B ms mean C ms max D ms".
// A headless screen presents into memory: the copy of the frame to an X server or a display is
// not part of these figures. Prints figures; asserts nothing about time.
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <expected>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "render/canvas.hpp"
#include "render/clock_face.hpp"
#include "render/font_set.hpp"
#include "render/image_cache.hpp"
#include "render/screen.hpp"
#include "render/slide_painter.hpp"
#include "render/theme.hpp"
#include "render/transition.hpp"
#include "storage/playlist_file.hpp"

using namespace keiji;
using Clock = std::chrono::steady_clock;

namespace {

struct Size {
    int width;
    int height;
};

model::Result<std::vector<model::Item>> load_items(const std::string& path) {
    auto file = storage::load_playlist_file(path);
    if (!file) {
        return model::failure(path + " is not a valid playlist (keiji validate says why)");
    }
    model::Playlist& playlist = file->playlist;
    // Photos are named relative to the playlist, as the content loader resolves them.
    for (model::Item& item : playlist.items) {
        if (std::string* image = model::image_of(item)) {
            *image = storage::resolve_asset(playlist.base_directory, *image);
        }
    }
    if (playlist.items.size() < 2) {
        return model::failure(path + ": a crossfade needs two items");
    }
    return std::move(playlist.items);
}

double percentile(std::vector<double> sorted, double p) {
    std::sort(sorted.begin(), sorted.end());
    const auto index = std::size_t(
        std::clamp(p * double(sorted.size() - 1) + 0.5, 0.0, double(sorted.size() - 1)));
    return sorted[index];
}

int run(const std::vector<model::Item>& items, render::FontSet& fonts, Size size, int frames,
        const std::string& save_midway) {
    auto screen = render::Screen::open_headless(size.width, size.height);
    if (!screen) {
        std::fputs((screen.error().text() + "\n").c_str(), stderr);
        return 1;
    }
    const render::Frame frame = screen->frame();
    const render::Theme theme;
    const date::time_zone* zone = date::locate_zone("Asia/Tokyo");
    render::ImageCache images;

    // Two slides and the header, painted once as the player paints them.
    std::vector<render::TextureHandle> slides;
    for (std::size_t i = 0; i < 2; ++i) {
        render::TextureHandle layer = screen->make_opaque_layer(frame.width, frame.height);
        screen->target(layer.get());
        render::Canvas canvas(screen->renderer(), fonts, &images);
        const render::PaintReport report =
            render::paint_slide(canvas, frame, items[i], render::SlideContext{.zone = zone}, theme);
        for (const std::string& problem : report.problems) {
            std::fputs(fmt::format("note: {}: {}\n", items[i].id, problem).c_str(), stderr);
        }
        slides.push_back(std::move(layer));
    }
    render::TextureHandle header =
        screen->make_opaque_layer(frame.width, render::header_height(frame));
    {
        screen->target(header.get());
        render::Canvas canvas(screen->renderer(), fonts);
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        render::paint_header(canvas, frame, "港区と全国をつなぐコーナー",
                             render::format_clock(now, *zone), theme);
    }
    screen->target(nullptr);
    const render::Layer header_layer{header.get(),
                                     {0, 0, frame.width, render::header_height(frame)}};

    // A 1 s crossfade at the player's pace (a frame every 16 ms) is about 60 frames; the
    // progress runs through a whole fade again and again.
    constexpr int frames_per_fade = 60;
    const auto compose = [&](int n) {
        const double progress = double(n % frames_per_fade) / double(frames_per_fade - 1);
        const render::TransitionFrame layers = render::compose_transition(
            render::TransitionKind::crossfade, slides[0].get(), slides[1].get(), frame, progress);
        screen->present({layers.outgoing, layers.incoming, header_layer, render::Layer{}});
    };
    for (int n = 0; n < 10; ++n) {  // Warm-up: caches, page faults of the frame buffer.
        compose(n);
    }
    if (!save_midway.empty()) {
        compose(frames_per_fade / 2);
        const std::string path =
            fmt::format("{}/crossfade-{}x{}.png", save_midway, frame.width, frame.height);
        if (auto saved = screen->save_png(path); !saved) {
            std::fputs((saved.error().text() + "\n").c_str(), stderr);
            return 1;
        }
    }
    std::vector<double> times;
    times.reserve(std::size_t(frames));
    for (int n = 0; n < frames; ++n) {
        const auto start = Clock::now();
        compose(n);
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    double sum = 0;
    for (const double t : times) {
        sum += t;
    }
    std::printf("crossfade %dx%d frames %d p50 %.2f ms p99 %.2f ms mean %.2f ms max %.2f ms\n",
                frame.width, frame.height, frames, percentile(times, 0.50), percentile(times, 0.99),
                sum / double(times.size()), *std::max_element(times.begin(), times.end()));
    std::fflush(stdout);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    int frames = 300;
    std::vector<Size> sizes;
    std::string playlist;
    std::string save_midway;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--frames" && i + 1 < argc) {
            frames = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--size" && i + 1 < argc) {
            Size size{};
            if (std::sscanf(argv[++i], "%dx%d", &size.width, &size.height) != 2 ||
                size.width <= 0 || size.height <= 0) {
                std::fputs("--size wants WxH, e.g. 1920x1080\n", stderr);
                return 2;
            }
            sizes.push_back(size);
        } else if (arg == "--save-midway" && i + 1 < argc) {
            save_midway = argv[++i];
        } else if (!arg.starts_with("--") && playlist.empty()) {
            playlist = arg;
        } else {
            std::fputs(
                "usage: keiji_crossfade_bench [--frames N] [--size WxH]... [--save-midway DIR] "
                "PLAYLIST.json\n",
                stderr);
            return 2;
        }
    }
    if (playlist.empty()) {
        std::fputs(
            "usage: keiji_crossfade_bench [--frames N] [--size WxH]... [--save-midway DIR] "
            "PLAYLIST.json\n",
            stderr);
        return 2;
    }
    if (sizes.empty()) {
        sizes = {{1920, 1080}, {3840, 2160}};
    }
    const auto items = load_items(playlist);
    if (!items) {
        std::fputs((items.error().text() + "\n").c_str(), stderr);
        return 1;
    }
    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        std::fputs("SDL or SDL_ttf cannot start\n", stderr);
        return 1;
    }
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    int status = 0;
    {
        auto fonts = render::FontSet::create(render::FontSet::chain_for_language("ja"));
        if (!fonts) {
            std::fputs((fonts.error().text() + "\n").c_str(), stderr);
            return 1;
        }
        for (const Size size : sizes) {
            status |= run(*items, *fonts, size, frames, save_midway);
        }
    }
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
    return status;
}
