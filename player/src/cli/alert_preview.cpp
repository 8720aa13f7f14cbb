#include "cli/alert_preview.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "alert/alert_parser.hpp"
#include "alert/envelope.hpp"
#include "cli/messages.hpp"
#include "play/alert_preview.hpp"
#include "render/png.hpp"
#include "render/sdl_runtime.hpp"
#include "schedule/slide_language.hpp"
#include "storage/file_io.hpp"

namespace keiji::cli {

namespace {

// "1920x1080" → the frame; nothing for anything else.
std::optional<render::Frame> read_size(const std::string& text) {
    int width = 0;
    int height = 0;
    char end = 0;
    if (std::sscanf(text.c_str(), "%dx%d%c", &width, &height, &end) != 2 || width < 320 ||
        height < 240 || width > 7680 || height > 7680) {
        return std::nullopt;
    }
    return render::Frame{width, height};
}

}  // namespace

int run_alert_preview(const std::string& input, const std::string& out_directory,
                      const std::string& size, const std::string& language) {
    const std::optional<render::Frame> frame = read_size(size);
    if (!frame) {
        return fail("alert preview",
                    fmt::format("--size {} is not a screen size; write it as 1920x1080 (or "
                                "1080x1920 for a portrait screen)",
                                size),
                    2);
    }
    auto text = input == "-" ? storage::read_standard_input() : storage::read_file(input);
    if (!text) {
        return fail("alert preview", text.error(), language);
    }
    // An envelope carries the payload as a string; a payload is the alert itself.
    std::string payload = std::move(*text);
    if (auto envelope = alert::parse_envelope(payload)) {
        payload = std::move(envelope->payload);
        print_error("alert preview",
                    language.starts_with("ja")
                        ? "署名はここでは確かめません(keiji alert verify で確かめられます)"
                        : "the signature is not checked here (keiji alert verify checks it)");
    }
    auto parsed = alert::parse_alert(payload, input);
    if (!parsed) {
        print_problems(parsed.error(), language);
        return 1;
    }
    const render::SdlRuntime sdl;
    if (!sdl.failure().empty()) {
        return fail("alert preview", "cannot start SDL: " + sdl.failure());
    }
    auto frames = play::preview_alert(*parsed, *frame, *date::locate_zone("Asia/Tokyo"));
    if (!frames) {
        return fail("alert preview", frames.error(), language);
    }
    const std::filesystem::path folder(out_directory);
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) {
        return fail("alert preview", fmt::format("cannot create the folder {}: {}", folder.string(),
                                                 error.message()));
    }
    int problems = 0;
    for (std::size_t i = 0; i < frames->size(); ++i) {
        const play::AlertPreviewFrame& shown = (*frames)[i];
        const std::filesystem::path file =
            folder / fmt::format("{:02}-{}.png", i + 1, shown.language);
        if (auto saved = render::save_png(*shown.picture, file); !saved) {
            return fail("alert preview", saved.error(), language);
        }
        print(fmt::format("{} ({})\n", file.string(), schedule::language_name(shown.language)));
        for (const std::string& problem : shown.problems) {
            // Text that does not fit on the takeover is cut on every screen: fix it before sending.
            print_error("alert preview", fmt::format("{}: {}", shown.language, problem));
            ++problems;
        }
    }
    return problems == 0 ? 0 : 1;
}

}  // namespace keiji::cli
