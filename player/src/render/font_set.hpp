#pragma once

#include <expected>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "render/sdl_handles.hpp"

namespace keiji::render {

enum class Weight { regular, bold };

// One font file (and face index inside a .ttc collection).
struct FontFace {
    std::string regular_file;
    std::string bold_file;  // Empty: use the regular file.
    long index = 0;
};

// A run of text that one font of the chain draws.
struct FontRun {
    TTF_Font* font = nullptr;
    std::u32string text;
};

// A fallback chain of fonts, opened lazily per size. Each character is drawn by the first font
// of the chain that has it, so Japanese gets BIZ UD Gothic and other scripts still show.
class FontSet {
public:
    // Fails when no font of the chain can be opened (the message names the files tried).
    [[nodiscard]] static std::expected<FontSet, std::string> create(std::vector<FontFace> chain);

    // The default chain on Debian: BIZ UD Gothic, Noto Sans CJK JP, DejaVu Sans.
    [[nodiscard]] static std::vector<FontFace> debian_default_chain();

    // Splits `text` into runs by the font that draws each character. Characters no font has go
    // to the first font (which draws its .notdef box); `missing` counts them when not null.
    [[nodiscard]] std::vector<FontRun> runs(std::u32string_view text, Weight weight, int size,
                                            int* missing = nullptr);
    [[nodiscard]] TTF_Font* primary(Weight weight, int size);

private:
    explicit FontSet(std::vector<FontFace> chain) : m_chain(std::move(chain)) {}
    TTF_Font* font(std::size_t chain_index, Weight weight, int size);

    std::vector<FontFace> m_chain;
    std::map<std::tuple<std::size_t, Weight, int>, FontHandle> m_open;
};

}  // namespace keiji::render
