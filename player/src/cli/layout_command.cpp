#include "cli/layout_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iterator>
#include <nlohmann/json.hpp>

#include "cli/messages.hpp"
#include "render/sdl_runtime.hpp"
#include "render/text_layout.hpp"
#include "storage/file_io.hpp"
#include "text/utf8.hpp"

namespace keiji::cli {

namespace {

struct LayoutOptions {
    render::LayoutRequest request;
    bool json = false;
};

nlohmann::json to_json(const text::FitResult& fit, const render::LayoutRequest& options) {
    nlohmann::json lines = nlohmann::json::array();
    for (const text::Line& line : fit.lines) {
        nlohmann::json ruby = nlohmann::json::array();
        for (const text::Piece& piece : line.pieces) {
            if (!piece.ruby.empty()) {
                ruby.push_back({{"base", text::encode_utf8(piece.base)},
                                {"ruby", text::encode_utf8(piece.ruby)}});
            }
        }
        nlohmann::json entry{{"text", line.text}, {"width", line.width}};
        if (line.hanging > 0) {
            entry["hanging"] = line.hanging;
        }
        if (!ruby.empty()) {
            entry["ruby"] = ruby;
        }
        lines.push_back(std::move(entry));
    }
    nlohmann::json missing = nlohmann::json::array();
    for (const char32_t c : fit.missing_glyphs) {
        missing.push_back({{"char", text::encode_utf8(c)},
                           {"codepoint", fmt::format("U+{:04X}", std::uint32_t(c))}});
    }
    return {{"width", options.width},
            {"size", fit.size},
            {"preferred_size", options.size},
            {"line_height", fit.line_height},
            {"ruby_size", fit.ruby_size},
            {"height", fit.height},
            {"overflow", fit.overflow},
            {"language", options.language},
            {"lines", lines},
            {"missing_glyphs", missing}};
}

int run_layout(LayoutOptions options) {
    std::string& content = options.request.text;
    // A shell argument cannot easily hold a newline: the two characters \n stand for one.
    for (std::size_t at = content.find("\\n"); at != std::string::npos;
         at = content.find("\\n", at + 1)) {
        content.replace(at, 2, "\n");
    }
    if (content == "-") {
        auto input = storage::read_standard_input();
        if (!input) {
            return fail("layout", input.error());
        }
        content = std::move(*input);
        while (!content.empty() && content.back() == '\n') {
            content.pop_back();
        }
    }
    const render::SdlRuntime sdl;
    if (!sdl.failure().empty()) {
        return fail("", "cannot start SDL_ttf: " + sdl.failure());
    }
    const auto fit = render::lay_out(options.request);
    if (!fit) {
        return fail("", fit.error());
    }
    if (options.json) {
        print(to_json(*fit, options.request).dump(2) + "\n");
        return 0;
    }
    for (const text::Line& line : fit->lines) {
        print(line.text + "\n");
    }
    if (fit->overflow) {
        print_error("", fmt::format("warning: the text does not fit even at {} px", fit->size));
    }
    if (!fit->missing_glyphs.empty()) {
        print_error("",
                    fmt::format("warning: no font has {}", text::encode_utf8(fit->missing_glyphs)));
    }
    return 0;
}

}  // namespace

Command add_layout_command(CLI::App& app, const Context&) {
    auto options = std::make_shared<LayoutOptions>();
    render::LayoutRequest& request = options->request;
    auto* command = app.add_subcommand(
        "layout", "Print the lines the renderer would draw for TEXT at a width and font size");
    command
        ->add_option("TEXT", request.text,
                     "Text with \\n line breaks and ruby 漢字《かんじ》 or ｜base《ruby》; - reads "
                     "stdin")
        ->required();
    command->add_option("--width", request.width, "Line width in pixels")
        ->required()
        ->check(CLI::Range(1, 100000));
    command->add_option("--size", request.size, "Font size in pixels")
        ->required()
        ->check(CLI::Range(1, 2000));
    command
        ->add_option("--height", request.height,
                     "Fit into this many pixels, shrinking the size down to --min-size")
        ->check(CLI::Range(1, 100000));
    command
        ->add_option("--min-size", request.min_size,
                     "Smallest size when fitting (default: half of --size)")
        ->check(CLI::Range(1, 2000));
    command
        ->add_option("--lang", request.language,
                     "Language of the text (ja, ja-x-easy, en, zh-Hans, zh-Hant, ko, ...)")
        ->capture_default_str();
    command->add_flag("--bold", request.bold, "Use the bold faces");
    command->add_flag(
        "--json", options->json,
        "Print JSON: lines with widths and ruby, size chosen, overflow, missing glyphs");
    command->footer(
        "Example: keiji layout --width 640 --size 48 --json "
        "'会場は区立プラタナス公園《こうえん》です。'");
    return Command{command, [options] { return run_layout(*options); }};
}

}  // namespace keiji::cli
