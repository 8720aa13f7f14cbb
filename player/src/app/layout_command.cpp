#include "app/layout_command.hpp"

#include <SDL_ttf.h>
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "render/font_set.hpp"
#include "render/ttf_metrics.hpp"
#include "text/fit_to_box.hpp"
#include "text/utf8.hpp"

namespace keiji::app {

namespace {

nlohmann::json to_json(const text::FitResult& fit, const LayoutOptions& options) {
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

}  // namespace

int run_layout(const LayoutOptions& options) {
    std::string content = options.text;
    // A shell argument cannot easily hold a newline: the two characters \n stand for one.
    for (std::size_t at = content.find("\\n"); at != std::string::npos;
         at = content.find("\\n", at + 1)) {
        content.replace(at, 2, "\n");
    }
    if (content == "-") {
        content.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        while (!content.empty() && content.back() == '\n') {
            content.pop_back();
        }
    }
    if (TTF_Init() != 0) {
        std::fputs(fmt::format("keiji: cannot start SDL_ttf: {}\n", TTF_GetError()).c_str(),
                   stderr);
        return 1;
    }
    int status = 0;
    {
        auto fonts = render::FontSet::create(render::FontSet::chain_for_language(options.language));
        if (!fonts) {
            std::fputs(fmt::format("keiji: {}\n", fonts.error()).c_str(), stderr);
            status = 1;
        } else {
            const render::TtfFont font(
                *fonts, options.bold ? render::Weight::bold : render::Weight::regular);
            const int min_size = options.min_size > 0 ? options.min_size : options.size / 2;
            const text::FitRequest request{
                .width = options.width,
                // Without a height the box is unbounded and the text stays at --size.
                .height = options.height > 0 ? options.height : 1 << 30,
                .preferred_size = options.size,
                .min_size = options.height > 0 ? min_size : options.size,
                .script = text::script_of_language(options.language)};
            const text::FitResult fit = text::fit_to_box(content, request, font);
            if (options.json) {
                std::fputs((to_json(fit, options).dump(2) + "\n").c_str(), stdout);
            } else {
                for (const text::Line& line : fit.lines) {
                    std::fputs((line.text + "\n").c_str(), stdout);
                }
                if (fit.overflow) {
                    std::fputs(fmt::format("keiji: warning: the text does not fit even at {} px\n",
                                           fit.size)
                                   .c_str(),
                               stderr);
                }
                if (!fit.missing_glyphs.empty()) {
                    std::fputs(fmt::format("keiji: warning: no font has {}\n",
                                           text::encode_utf8(fit.missing_glyphs))
                                   .c_str(),
                               stderr);
                }
            }
        }
    }  // Fonts close before SDL_ttf quits.
    TTF_Quit();
    return status;
}

}  // namespace keiji::app
