#include "render/font_set.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "storage/file_io.hpp"
#include "text/utf8.hpp"

namespace keiji::render {

namespace {

// Rasterised text kept for redraws, a byte a pixel: a 1080p slide's text is about 1 MB; this
// holds several slides.
constexpr std::size_t surface_cache_bytes = 12u << 20;

bool is_cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

bool is_hangul(char32_t c) {
    return (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) ||
           (c >= 0x3130 && c <= 0x318F);
}

// The script HarfBuzz should shape a run with. A run mixes scripts when one font draws them
// all; the CJK script wins because its features (locl, vertical forms) matter most for it.
const char* script_of(std::u32string_view text) {
    bool hangul = false;
    for (const char32_t c : text) {
        if (is_cjk(c)) {
            return "Hani";
        }
        hangul = hangul || is_hangul(c);
    }
    return hangul ? "Hang" : "Latn";
}

std::string primary_language(std::string_view tag) {
    return std::string(tag.substr(0, tag.find('-')));
}

}  // namespace

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

model::Result<std::vector<FontFace>> FontSet::chain_from_config(const std::string& config_path,
                                                                std::string_view language) {
    const std::string text = KEIJI_TRY(storage::read_file(config_path));
    const auto config = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (config.is_discarded() || !config.contains("chains") || !config["chains"].is_object()) {
        return model::failure(config_path + ": not a fonts configuration (no \"chains\" object)");
    }
    const auto& chains = config["chains"];
    for (const std::string& key :
         {std::string(language), primary_language(language), std::string("default")}) {
        if (!chains.contains(key) || !chains[key].is_array()) {
            continue;
        }
        std::vector<FontFace> chain;
        for (const auto& face : chains[key]) {
            if (!face.is_object() || !face.contains("regular") || !face["regular"].is_string()) {
                return model::failure(config_path + ": /chains/" + key +
                                      ": every face needs a \"regular\" file");
            }
            chain.push_back(FontFace{face["regular"].get<std::string>(),
                                     face.value("bold", std::string()), face.value("index", 0L)});
        }
        return chain;
    }
    return model::failure(config_path + ": no chain for \"" + std::string(language) +
                          "\" and no \"default\" chain");
}

std::string FontSet::find_config() {
    std::vector<std::string> candidates;
    if (const char* configured = std::getenv("KEIJI_FONTS_CONFIG"); configured != nullptr) {
        candidates.emplace_back(configured);
    }
    candidates.emplace_back("/etc/keiji/fonts.json");
    candidates.emplace_back("/usr/share/keiji/fonts/fonts.json");
#ifdef KEIJI_SOURCE_FONTS_CONFIG
    candidates.emplace_back(KEIJI_SOURCE_FONTS_CONFIG);
#endif
    for (const std::string& candidate : candidates) {
        if (std::filesystem::exists(candidate)) {
            return candidate;
        }
    }
    return {};
}

std::vector<FontFace> FontSet::chain_for_language(std::string_view language) {
    if (const std::string config = find_config(); !config.empty()) {
        if (auto chain = chain_from_config(config, language)) {
            return *std::move(chain);
        }
    }
    return debian_default_chain();
}

model::Result<FontSet> FontSet::create(std::vector<FontFace> chain) {
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
        return model::failure("no font could be found (tried " + tried + ")");
    }
    FontSet set(std::move(usable));
    if (set.font(0, Weight::regular, 16) == nullptr) {
        return model::failure(std::string("the first font cannot be opened: ") + TTF_GetError());
    }
    return set;
}

TTF_Font* FontSet::font(std::size_t chain_index, Weight weight, int size) {
    const auto key = std::make_tuple(chain_index, weight, size);
    if (const auto found = m_open.find(key); found != m_open.end()) {
        found->second.last_use = ++m_use_count;
        return found->second.font.get();
    }
    const FontFace& face = m_chain[chain_index];
    const std::string& file =
        weight == Weight::bold && !face.bold_file.empty() ? face.bold_file : face.regular_file;
    FontHandle opened(TTF_OpenFontIndex(file.c_str(), size, face.index));
    if (opened) {
        TTF_SetFontDirection(opened.get(), TTF_DIRECTION_LTR);
        TTF_SetFontHinting(opened.get(), TTF_HINTING_LIGHT);
    }
    TTF_Font* raw = opened.get();
    m_open.emplace(key, OpenFont{std::move(opened), ++m_use_count});
    return raw;
}

void FontSet::close_idle_fonts(std::size_t keep) {
    if (m_open.size() <= keep) {
        return;
    }
    std::vector<std::pair<std::uint64_t, decltype(m_open)::iterator>> by_age;
    by_age.reserve(m_open.size());
    for (auto it = m_open.begin(); it != m_open.end(); ++it) {
        by_age.emplace_back(it->second.last_use, it);
    }
    std::sort(by_age.begin(), by_age.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < by_age.size() - keep; ++i) {
        // A run cached under this font's address would be found again by a font opened later
        // at the same address, in another size: the runs go with the font.
        forget_rasterised(by_age[i].second->second.font.get());
        m_open.erase(by_age[i].second);
    }
}

void FontSet::forget_rasterised(TTF_Font* font) {
    if (font == nullptr) {
        return;
    }
    // Keys sort by font first, so the font's runs are one range from its smallest key.
    auto it = m_surfaces.lower_bound(SurfaceKey{font, std::string(), std::u32string(), 0});
    while (it != m_surfaces.end() && std::get<0>(it->first) == font) {
        m_cached_bytes -= it->second.coverage.alpha.size();
        m_lru.erase(it->second.age);
        it = m_surfaces.erase(it);
    }
}

TTF_Font* FontSet::primary(Weight weight, int size) {
    return font(0, weight, size);
}

bool FontSet::has_glyph(char32_t c) {
    if (const auto known = m_glyph_known.find(c); known != m_glyph_known.end()) {
        return known->second;
    }
    bool found = false;
    for (std::size_t i = 0; i < m_chain.size() && !found; ++i) {
        TTF_Font* candidate = font(i, Weight::regular, 16);
        found = candidate != nullptr && TTF_GlyphIsProvided32(candidate, c) != 0;
    }
    m_glyph_known.emplace(c, found);
    return found;
}

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
    for (FontRun& run : out) {
        run.script = script_of(run.text);
    }
    return out;
}

int FontSet::run_width(const FontRun& run) {
    int width = 0;
    if (run.font == nullptr) {
        return 0;
    }
    // Fonts are shared between runs of different scripts: set the script right before shaping.
    TTF_SetFontScriptName(run.font, run.script);
    if (TTF_SizeUTF8(run.font, text::encode_utf8(run.text).c_str(), &width, nullptr) != 0) {
        return 0;
    }
    return width;
}

int FontSet::text_width(std::u32string_view text, Weight weight, int size) {
    // Enough for the text of many slides; cleared wholesale when full, which is simpler than an
    // LRU and costs one re-measure of the current slide.
    constexpr std::size_t max_widths = 50000;
    std::u32string key(text);
    key.push_back(char32_t(size));
    key.push_back(weight == Weight::bold ? U'b' : U'r');
    if (const auto found = m_widths.find(key); found != m_widths.end()) {
        return found->second;
    }
    int total = 0;
    for (const FontRun& run : runs(text, weight, size)) {
        total += run_width(run);
    }
    if (m_widths.size() >= max_widths) {
        m_widths.clear();
    }
    m_widths.emplace(std::move(key), total);
    return total;
}

const Coverage* FontSet::rasterise(const FontRun& run, std::uint8_t opacity) {
    if (run.font == nullptr) {
        return nullptr;
    }
    SurfaceKey key{run.font, run.script, run.text, opacity};
    if (const auto found = m_surfaces.find(key); found != m_surfaces.end()) {
        ++m_cache_hits;
        m_lru.splice(m_lru.begin(), m_lru, found->second.age);
        return &found->second.coverage;
    }
    TTF_SetFontScriptName(run.font, run.script);
    // SDL_ttf's alpha depends only on the glyphs and the colour's alpha, never on its RGB: the
    // coverage of a white run is the coverage of a run in any colour.
    const SurfaceHandle surface(TTF_RenderUTF8_Blended(
        run.font, text::encode_utf8(run.text).c_str(), SDL_Color{255, 255, 255, opacity}));
    if (!surface || surface->format->format != SDL_PIXELFORMAT_ARGB8888 ||
        SDL_LockSurface(surface.get()) != 0) {
        return nullptr;
    }
    Coverage coverage{surface->w, surface->h, {}};
    coverage.alpha.resize(std::size_t(surface->w) * std::size_t(surface->h));
    for (int y = 0; y < surface->h; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(
            static_cast<const std::uint8_t*>(surface->pixels) + std::ptrdiff_t(y) * surface->pitch);
        std::uint8_t* out = coverage.alpha.data() + std::size_t(y) * std::size_t(surface->w);
        for (int x = 0; x < surface->w; ++x) {
            out[x] = std::uint8_t(row[x] >> 24);
        }
    }
    SDL_UnlockSurface(surface.get());
    ++m_rasterised;
    m_cached_bytes += coverage.alpha.size();
    while (m_cached_bytes > surface_cache_bytes && !m_lru.empty()) {
        const auto oldest = m_surfaces.find(m_lru.back());
        m_cached_bytes -= oldest->second.coverage.alpha.size();
        m_surfaces.erase(oldest);
        m_lru.pop_back();
    }
    m_lru.push_front(key);
    const auto placed =
        m_surfaces.emplace(std::move(key), CachedSurface{std::move(coverage), m_lru.begin()});
    return &placed.first->second.coverage;
}

}  // namespace keiji::render
