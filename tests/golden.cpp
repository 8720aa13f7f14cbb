#include "golden.hpp"

#include <SDL_image.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "test_paths.hpp"

namespace keiji::test {

namespace {

struct SurfaceDeleter {
    void operator()(SDL_Surface* surface) const { SDL_FreeSurface(surface); }
};
using Surface = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

Uint32 pixel_at(const SDL_Surface* surface, int x, int y) {
    const auto* row = static_cast<const Uint8*>(surface->pixels) + y * surface->pitch;
    return reinterpret_cast<const Uint32*>(row)[x];
}

}  // namespace

GoldenResult compare_with_golden(SDL_Surface* actual_input, const std::string& name,
                                 int channel_tolerance, double max_differing_fraction) {
    const std::string golden_path = source_path("tests/golden/" + name + ".png");
    const std::string actual_dir = binary_path("golden-actual");
    std::filesystem::create_directories(actual_dir);
    const std::string actual_path = actual_dir + "/" + name + ".png";
    IMG_SavePNG(actual_input, actual_path.c_str());

    if (const char* update = std::getenv("KEIJI_UPDATE_GOLDEN"); update && *update == '1') {
        IMG_SavePNG(actual_input, golden_path.c_str());
        return {false, "golden rewritten at " + golden_path + "; look at it, then rerun"};
    }
    Surface golden_loaded(IMG_Load(golden_path.c_str()));
    if (!golden_loaded) {
        return {false, "no golden " + golden_path + " (actual: " + actual_path +
                           "); run with KEIJI_UPDATE_GOLDEN=1 to create it"};
    }
    Surface golden(SDL_ConvertSurfaceFormat(golden_loaded.get(), SDL_PIXELFORMAT_ARGB8888, 0));
    Surface actual(SDL_ConvertSurfaceFormat(actual_input, SDL_PIXELFORMAT_ARGB8888, 0));
    if (golden->w != actual->w || golden->h != actual->h) {
        return {false, "size differs from the golden (actual: " + actual_path + ")"};
    }
    long differing = 0;
    for (int y = 0; y < golden->h; ++y) {
        for (int x = 0; x < golden->w; ++x) {
            const Uint32 a = pixel_at(golden.get(), x, y);
            const Uint32 b = pixel_at(actual.get(), x, y);
            for (int shift = 0; shift < 32; shift += 8) {
                const int delta = int((a >> shift) & 0xFF) - int((b >> shift) & 0xFF);
                if (delta > channel_tolerance || -delta > channel_tolerance) {
                    ++differing;
                    break;
                }
            }
        }
    }
    const double fraction = double(differing) / (double(golden->w) * golden->h);
    if (fraction > max_differing_fraction) {
        return {false, std::to_string(differing) + " pixels (" + std::to_string(fraction * 100) +
                           " %) differ from " + golden_path + "; actual: " + actual_path};
    }
    return {true, ""};
}

GoldenResult compare_renderer_with_golden(SDL_Renderer* renderer, const std::string& name) {
    int width = 0;
    int height = 0;
    SDL_GetRendererOutputSize(renderer, &width, &height);
    Surface frame(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!frame || SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ARGB8888, frame->pixels,
                                       frame->pitch) != 0) {
        return {false, std::string("cannot read the rendered frame: ") + SDL_GetError()};
    }
    return compare_with_golden(frame.get(), name);
}

GoldenResult compare_scaled_renderer_with_golden(SDL_Renderer* renderer, int scale_down,
                                                 const std::string& name) {
    int width = 0;
    int height = 0;
    SDL_GetRendererOutputSize(renderer, &width, &height);
    Surface full(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!full || SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ARGB8888, full->pixels,
                                      full->pitch) != 0) {
        return {false, std::string("cannot read the rendered frame: ") + SDL_GetError()};
    }
    const std::string full_dir = binary_path("golden-actual/full");
    std::filesystem::create_directories(full_dir);
    IMG_SavePNG(full.get(), (full_dir + "/" + name + ".png").c_str());
    Surface small(SDL_CreateRGBSurfaceWithFormat(0, width / scale_down, height / scale_down, 32,
                                                 SDL_PIXELFORMAT_ARGB8888));
    if (!small || SDL_SoftStretchLinear(full.get(), nullptr, small.get(), nullptr) != 0) {
        return {false, std::string("cannot scale the frame down: ") + SDL_GetError()};
    }
    return compare_with_golden(small.get(), name);
}

}  // namespace keiji::test
