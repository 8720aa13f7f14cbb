#include "render/font_set.hpp"

#include <filesystem>

namespace keiji::render {

std::vector<FontFace> FontSet::debian_default_chain() {
    return {
        // Full-width BIZ UDGothic keeps 、。 on the full em that Japanese text is set on (the
        // proportional UDPGothic squeezes them).
        {"/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Regular.ttf",
         "/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Bold.ttf", 0},
        // Face 0 of the collection is the Japanese one (JP, KR, SC, TC, HK follow).
        {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
         "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 0},
        {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
         "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 0},
    };
}

std::expected<FontSet, std::string> FontSet::create(std::vector<FontFace> chain) {
    std::vector<FontFace> usable;
    std::string tried;
    for (FontFace& face : chain) {
        tried += (tried.empty() ? "" : ", ") + face.regular_file;
        if (std::filesystem::exists(face.regular_file)) {
            if (!face.bold_file.empty() && !std::filesystem::exists(face.bold_file)) {
                face.bold_file.clear();
            }
            usable.push_back(std::move(face));
        }
    }
    if (usable.empty()) {
        return std::unexpected("no font could be found (tried " + tried + ")");
    }
    FontSet set(std::move(usable));
    if (set.font(0, Weight::regular, 16) == nullptr) {
        return std::unexpected(std::string("the first font cannot be opened: ") + TTF_GetError());
    }
    return set;
}

TTF_Font* FontSet::font(std::size_t chain_index, Weight weight, int size) {
    const auto key = std::make_tuple(chain_index, weight, size);
    if (const auto found = m_open.find(key); found != m_open.end()) {
        return found->second.get();
    }
    const FontFace& face = m_chain[chain_index];
    const std::string& file =
        weight == Weight::bold && !face.bold_file.empty() ? face.bold_file : face.regular_file;
    FontHandle opened(TTF_OpenFontIndex(file.c_str(), size, face.index));
    if (opened) {
        // HarfBuzz shapes with the script and language we give it; Japanese is the default.
        TTF_SetFontScriptName(opened.get(), "Jpan");
        TTF_SetFontHinting(opened.get(), TTF_HINTING_LIGHT);
    }
    TTF_Font* raw = opened.get();
    m_open.emplace(key, std::move(opened));
    return raw;
}

TTF_Font* FontSet::primary(Weight weight, int size) { return font(0, weight, size); }

std::vector<FontRun> FontSet::runs(std::u32string_view text, Weight weight, int size,
                                   int* missing) {
    std::vector<FontRun> out;
    for (const char32_t c : text) {
        TTF_Font* chosen = nullptr;
        for (std::size_t i = 0; i < m_chain.size() && chosen == nullptr; ++i) {
            TTF_Font* candidate = font(i, weight, size);
            if (candidate != nullptr && TTF_GlyphIsProvided32(candidate, c)) {
                chosen = candidate;
            }
        }
        if (chosen == nullptr) {
            chosen = primary(weight, size);
            if (missing != nullptr && c > U' ') {
                ++*missing;
            }
        }
        if (out.empty() || out.back().font != chosen) {
            out.push_back(FontRun{chosen, {}});
        }
        out.back().text.push_back(c);
    }
    return out;
}

}  // namespace keiji::render
