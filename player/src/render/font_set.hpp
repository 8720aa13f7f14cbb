#pragma once

#include <SDL.h>

#include <cstdint>
#include <expected>
#include <list>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "model/error.hpp"
#include "render/sdl_handles.hpp"

namespace keiji::render {

enum class Weight { regular, bold };

// One font file (and face index inside a .ttc collection).
struct FontFace {
    std::string regular_file;
    std::string bold_file;  // Empty: use the regular file.
    long index = 0;
};

// A run of text that one font of the chain draws, with the ISO 15924 script HarfBuzz shapes it
// as ("Hani" for Japanese and Chinese, "Hang", "Latn").
struct FontRun {
    TTF_Font* font = nullptr;
    std::u32string text;
    const char* script = "Latn";
};

// A rasterised run: how much of each pixel its glyphs cover, 0 to 255, row by row. Kept instead
// of coloured pixels: a quarter of the memory, and one run serves every colour.
struct Coverage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> alpha;
};

// A fallback chain of fonts, opened lazily per size. Each character is drawn by the first font
// of the chain that has it, so Japanese gets BIZ UD Gothic and other scripts still show.
// Rasterised runs are cached, so drawing the same slide again costs no re-rasterisation.
class FontSet {
public:
    // Fails when no font of the chain can be opened (the message names the files tried).
    [[nodiscard]] static model::Result<FontSet> create(std::vector<FontFace> chain);

    // The default chain on Debian: BIZ UD Gothic, Noto Sans CJK JP, DejaVu Sans.
    [[nodiscard]] static std::vector<FontFace> debian_default_chain();

    // The chain for a BCP 47 language from a fonts.json (see fonts/fonts.json): the exact tag,
    // then its primary language ("ja-x-easy" -> "ja"), then "default". Fails with a message
    // naming the file when it cannot be read or has no usable chain.
    [[nodiscard]] static model::Result<std::vector<FontFace>> chain_from_config(
        const std::string& config_path, std::string_view language);

    // Where fonts.json is looked for: $KEIJI_FONTS_CONFIG, /etc/keiji/fonts.json,
    // /usr/share/keiji/fonts/fonts.json, then the source tree's fonts/fonts.json. Empty when
    // none exists.
    [[nodiscard]] static std::string find_config();

    // The chain for `language` from find_config(), or debian_default_chain() without one.
    [[nodiscard]] static std::vector<FontFace> chain_for_language(std::string_view language);

    // Splits `text` into runs by the font that draws each character. Characters no font has go
    // to the first font (which draws its .notdef box); `missing` counts them when not null.
    [[nodiscard]] std::vector<FontRun> runs(std::u32string_view text, Weight weight, int size,
                                            int* missing = nullptr);
    [[nodiscard]] TTF_Font* primary(Weight weight, int size);
    // True when some font of the chain has a glyph for `c` (else it would be tofu).
    [[nodiscard]] bool has_glyph(char32_t c);

    // The run rasterised for text drawn at `opacity` (a colour's alpha), owned by the cache
    // (valid until the next call). Null when SDL_ttf cannot render it.
    [[nodiscard]] const Coverage* rasterise(const FontRun& run, std::uint8_t opacity = 255);
    // Width in pixels of the run as shaped by HarfBuzz with the run's script.
    [[nodiscard]] int run_width(const FontRun& run);
    // Width in pixels of `text` through the chain, remembered: line breaking measures the same
    // candidate lines at every redraw and every fit-to-box size.
    [[nodiscard]] int text_width(std::u32string_view text, Weight weight, int size);

    // Closes the fonts used longest ago until at most `keep` stay open, with their rasterised
    // runs. Each size of each font of the chain is a font of its own (a CJK face costs some
    // hundred kB and a file descriptor), and fitting text to boxes tries many sizes: without
    // this a player that runs for weeks would keep every size it ever tried. Call it only
    // between paints: it invalidates every FontRun and TTF_Font* handed out before.
    void close_idle_fonts(std::size_t keep = default_open_fonts);
    static constexpr std::size_t default_open_fonts = 48;
    [[nodiscard]] std::size_t open_font_count() const { return m_open.size(); }

    [[nodiscard]] std::uint64_t rasterised_count() const { return m_rasterised; }
    [[nodiscard]] std::uint64_t cache_hits() const { return m_cache_hits; }

private:
    explicit FontSet(std::vector<FontFace> chain) : m_chain(std::move(chain)) {}
    TTF_Font* font(std::size_t chain_index, Weight weight, int size);

    // A rasterised run: the font (with its size and weight), script, text and opacity.
    using SurfaceKey = std::tuple<TTF_Font*, std::string, std::u32string, std::uint8_t>;
    struct CachedSurface {
        Coverage coverage;
        std::list<SurfaceKey>::iterator age;  // Position in m_lru; front = most recent.
    };

    std::vector<FontFace> m_chain;
    struct OpenFont {
        FontHandle font;  // Null when the file could not be opened at that size.
        std::uint64_t last_use = 0;
    };
    void forget_rasterised(TTF_Font* font);

    std::map<std::tuple<std::size_t, Weight, int>, OpenFont> m_open;
    std::uint64_t m_use_count = 0;
    std::unordered_map<char32_t, bool> m_glyph_known;
    std::unordered_map<std::u32string, int> m_widths;  // Key: text, then size and weight.
    std::map<SurfaceKey, CachedSurface> m_surfaces;
    std::list<SurfaceKey> m_lru;
    std::size_t m_cached_bytes = 0;
    std::uint64_t m_rasterised = 0;
    std::uint64_t m_cache_hits = 0;
};

}  // namespace keiji::render
