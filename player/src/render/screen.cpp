#include "render/screen.hpp"

#include <SDL_image.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>

#include "render/png.hpp"
#include "render/window_manager.hpp"

namespace keiji::render {

namespace {

bool is_sideways(Rotation rotation) {
    return rotation == Rotation::clockwise_90 || rotation == Rotation::clockwise_270;
}

Frame turned(Frame panel, Rotation rotation) {
    return is_sideways(rotation) ? Frame{panel.height, panel.width} : panel;
}

// An opaque layer (no alpha channel, see make_opaque_layer) is copied when it shows in full and
// faded with one alpha for the whole layer otherwise. SDL's software blitter has fast routines
// for both, but a slow generic one for "blend" at full alpha on a layer without alpha: 22 ms
// instead of 1 ms for a 1080p frame.
void set_blend_for_alpha(SDL_Texture* texture, Uint8 alpha) {
    Uint32 format = 0;
    if (SDL_QueryTexture(texture, &format, nullptr, nullptr, nullptr) != 0 ||
        SDL_ISPIXELFORMAT_ALPHA(format)) {
        return;
    }
    SDL_SetTextureBlendMode(texture, alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
}

}  // namespace

std::optional<Rotation> rotation_from_degrees(int degrees) {
    switch (degrees) {
        case 0:
            return Rotation::none;
        case 90:
            return Rotation::clockwise_90;
        case 180:
            return Rotation::upside_down;
        case 270:
            return Rotation::clockwise_270;
        default:
            return std::nullopt;
    }
}

model::Result<Screen> Screen::open_window(int width, int height, WindowMode mode,
                                          Rotation rotation) {
    Screen screen;
    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    int x = SDL_WINDOWPOS_CENTERED;
    int y = SDL_WINDOWPOS_CENTERED;
    // On X the full-screen request is made once the window exists, and only where a window
    // manager is there to answer it (see x11_without_window_manager).
    const bool on_x11 =
        std::string_view(SDL_GetCurrentVideoDriver() != nullptr ? SDL_GetCurrentVideoDriver()
                                                                : "") == "x11";
    if (mode == WindowMode::fullscreen) {
        flags |= SDL_WINDOW_BORDERLESS | (on_x11 ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
        // Without a window manager (a kiosk's bare X server, Xvfb) nobody honours the fullscreen
        // request, so the window is also made the display's size at its origin.
        SDL_DisplayMode desktop;
        if (SDL_GetDesktopDisplayMode(0, &desktop) == 0) {
            x = y = 0;
            width = desktop.w;
            height = desktop.h;
        }
    }
    screen.m_window.reset(SDL_CreateWindow("keiji 掲示", x, y, width, height, flags));
    if (!screen.m_window) {
        return model::failure(std::string("cannot open a window: ") + SDL_GetError());
    }
    if (mode == WindowMode::fullscreen && on_x11 &&
        !x11_without_window_manager(screen.m_window.get())) {
        SDL_SetWindowFullscreen(screen.m_window.get(), SDL_WINDOW_FULLSCREEN_DESKTOP);
    }
    screen.m_rotation = rotation;
    if (auto created = screen.create_renderer(); !created) {
        return model::failure(created.error());
    }
    return screen;
}

model::Result<Screen> Screen::open_headless(int width, int height, Rotation rotation) {
    Screen screen;
    screen.m_surface.reset(
        // XRGB, as an X server's window at depth 24: a layer is copied into it byte for byte, and
        // slides painted on it (see make_opaque_layer) come out as on any layer.
        SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGB888));
    if (!screen.m_surface) {
        return model::failure(std::string("cannot create a frame buffer: ") + SDL_GetError());
    }
    screen.m_rotation = rotation;
    if (auto created = screen.create_renderer(); !created) {
        return model::failure(created.error());
    }
    return screen;
}

bool Screen::draws_in_software() const {
    return !is_headless() && renders_in_software();
}

model::Result<void> Screen::create_renderer() {
    if (m_surface) {
        m_renderer.reset(SDL_CreateSoftwareRenderer(m_surface.get()));
        if (!m_renderer) {
            return model::failure(std::string("cannot create a software renderer: ") +
                                  SDL_GetError());
        }
        m_panel = Frame{m_surface->w, m_surface->h};
    } else {
        // No vsync: the player presents only when something changed, and paces crossfades
        // itself.
        m_renderer.reset(SDL_CreateRenderer(m_window.get(), -1, SDL_RENDERER_TARGETTEXTURE));
        if (!m_renderer) {
            // A driver that failed once may fail again; the software renderer still shows content.
            m_renderer.reset(SDL_CreateRenderer(m_window.get(), -1, SDL_RENDERER_SOFTWARE));
        }
        if (!m_renderer) {
            return model::failure(std::string("cannot create a renderer: ") + SDL_GetError());
        }
        int output_width = 0;
        int output_height = 0;
        SDL_GetRendererOutputSize(m_renderer.get(), &output_width, &output_height);
        m_panel = Frame{output_width, output_height};
        // Layers are painted for this size; if the window is resized later, SDL scales the
        // frame (keeping its aspect) instead of showing a cropped or misplaced picture.
        SDL_RenderSetLogicalSize(m_renderer.get(), output_width, output_height);
    }
    return prepare_rotation();
}

model::Result<void> Screen::prepare_rotation() {
    m_frame = turned(m_panel, m_rotation);
    m_upright.reset();
    m_easel.reset();
    m_last_layers.clear();
    m_painting = nullptr;
    m_repainted.clear();
    m_changed_parts.clear();
    m_painted_on_output = Rect{};
    m_whole_frame_due = true;
    const bool software = renders_in_software();
    if (m_rotation != Rotation::none) {
        m_upright.reset(SDL_CreateTexture(
            m_renderer.get(), software ? SDL_PIXELFORMAT_RGB888 : SDL_PIXELFORMAT_ARGB8888,
            SDL_TEXTUREACCESS_TARGET, m_frame.width, m_frame.height));
        if (!m_upright) {
            return model::failure(std::string("cannot create the frame to rotate: ") +
                                  SDL_GetError());
        }
    }
    // Layers are painted on the frame they are composed in (the upright one, or the output):
    // it must have their format, or text would blend into it differently.
    const SDL_Surface* output = output_surface();
    m_readable_layers =
        software &&
        (m_upright || (output != nullptr && output->format->format == SDL_PIXELFORMAT_RGB888));
    return {};
}

SDL_Surface* Screen::output_surface() const {
    if (m_surface) {
        return m_surface.get();
    }
    // Only a software renderer draws into the window's surface; asking for it beside a GPU
    // renderer would make a second frame buffer.
    return renders_in_software() ? SDL_GetWindowSurface(m_window.get()) : nullptr;
}

model::Result<void> Screen::set_rotation(Rotation rotation) {
    m_rotation = rotation;
    return prepare_rotation();
}

model::Result<void> Screen::recreate_renderer() {
    m_last_layers.clear();
    m_upright.reset();
    m_sample_target.reset();
    m_easel.reset();
    m_painting = nullptr;
    // A window has at most one renderer: the old one goes before the new one is made.
    m_renderer.reset();
    m_simulate_black = false;
    return create_renderer();
}

bool Screen::renders_in_software() const {
    SDL_RendererInfo info{};
    return SDL_GetRendererInfo(m_renderer.get(), &info) == 0 &&
           (info.flags & SDL_RENDERER_SOFTWARE) != 0;
}

void Screen::compose(SDL_Texture* into, double scale_x, double scale_y, const Rect& region) {
    finish_painting();
    SDL_Renderer* renderer = m_renderer.get();
    SDL_SetRenderTarget(renderer, into);
    const bool whole = contains(region, Rect{0, 0, m_frame.width, m_frame.height});
    const SDL_Rect clip{region.x, region.y, region.w, region.h};
    if (!whole) {
        SDL_RenderSetClipRect(renderer, &clip);
    }
    // Layers under an opaque one that covers the region cannot show, nor can the black under
    // it (clearing is one more pass over every pixel): the last frame of a fade copies the
    // incoming slide alone.
    const std::optional<std::size_t> covering = covering_layer(m_last_layers, region);
    std::size_t first_layer = covering.value_or(0);
    if (!m_simulate_black && into == m_upright.get() && blend_crossfade(region)) {
        first_layer = 2;
    } else if (m_simulate_black || !covering) {
        SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
        if (whole) {
            SDL_RenderClear(renderer);
        } else {
            // SDL_RenderClear would ignore the clip and black out the whole frame.
            SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
            SDL_RenderFillRect(renderer, &clip);
        }
    }
    for (std::size_t i = first_layer; i < m_last_layers.size() && !m_simulate_black; ++i) {
        const Layer& layer = m_last_layers[i];
        // A layer at alpha 0 (the first frame of a fade) changes no pixel.
        if (layer.texture == nullptr || layer.alpha == 0) {
            continue;
        }
        SDL_SetTextureAlphaMod(layer.texture, layer.alpha);
        set_blend_for_alpha(layer.texture, layer.alpha);
        const SDL_Rect where{
            int(std::lround(layer.where.x * scale_x)), int(std::lround(layer.where.y * scale_y)),
            int(std::lround(layer.where.w * scale_x)), int(std::lround(layer.where.h * scale_y))};
        SDL_RenderCopy(renderer, layer.texture, nullptr, &where);
    }
    if (!whole) {
        SDL_RenderSetClipRect(renderer, nullptr);
    }
}

void Screen::present(std::initializer_list<Layer> layers) {
    std::vector<Layer> next(layers.begin(), layers.end());
    const Rect region = region_to_compose(next);
    m_last_layers = std::move(next);
    m_repainted.clear();
    m_changed_parts.clear();
    m_painted_on_output = Rect{};
    m_whole_frame_due = m_simulate_black;
    if (is_empty(region)) {
        return;  // The panel shows this frame already.
    }
    SDL_Renderer* renderer = m_renderer.get();
    if (m_rotation != Rotation::none) {
        compose(m_upright.get(), 1.0, 1.0, region);
        SDL_SetRenderTarget(renderer, nullptr);
        SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
        SDL_RenderClear(renderer);
        // SDL turns the destination rectangle about its centre: the upright frame is centred on
        // the panel, so once turned it covers the panel exactly.
        const SDL_Rect where{(m_panel.width - m_frame.width) / 2,
                             (m_panel.height - m_frame.height) / 2, m_frame.width, m_frame.height};
        SDL_RenderCopyEx(renderer, m_upright.get(), nullptr, &where, double(int(m_rotation)),
                         nullptr, SDL_FLIP_NONE);
        SDL_RenderPresent(renderer);
        return;
    }
    compose(nullptr, 1.0, 1.0, region);
    if (m_window && !contains(region, Rect{0, 0, m_frame.width, m_frame.height})) {
        // Only the changed rows go to the display (the X server copies less too).
        SDL_RenderFlush(renderer);
        const SDL_Rect changed{region.x, region.y, region.w, region.h};
        SDL_UpdateWindowSurfaceRects(m_window.get(), &changed, 1);
        return;
    }
    SDL_RenderPresent(renderer);
}

model::Result<LumaImage> Screen::sample_last_frame(int width, int height) {
    int target_width = 0;
    int target_height = 0;
    if (m_sample_target) {
        SDL_QueryTexture(m_sample_target.get(), nullptr, nullptr, &target_width, &target_height);
    }
    if (!m_sample_target || target_width != width || target_height != height) {
        m_sample_target.reset(SDL_CreateTexture(m_renderer.get(), SDL_PIXELFORMAT_ARGB8888,
                                                SDL_TEXTUREACCESS_TARGET, width, height));
        if (!m_sample_target) {
            return model::failure(std::string("cannot create the sample frame: ") + SDL_GetError());
        }
    }
    compose(m_sample_target.get(), double(width) / m_frame.width, double(height) / m_frame.height,
            Rect{0, 0, m_frame.width, m_frame.height});
    std::vector<Uint32> pixels(std::size_t(width) * std::size_t(height));
    const int read = SDL_RenderReadPixels(m_renderer.get(), nullptr, SDL_PIXELFORMAT_ARGB8888,
                                          pixels.data(), width * int(sizeof(Uint32)));
    SDL_SetRenderTarget(m_renderer.get(), nullptr);
    if (read != 0) {
        return model::failure(std::string("cannot read the sample frame: ") + SDL_GetError());
    }
    LumaImage image{width, height, {}};
    image.luma.reserve(pixels.size());
    for (const Uint32 pixel : pixels) {
        const unsigned r = (pixel >> 16) & 0xFF;
        const unsigned g = (pixel >> 8) & 0xFF;
        const unsigned b = pixel & 0xFF;
        // Rec. 601 weights in integers: a fingerprint, not colour science.
        image.luma.push_back(std::uint8_t((299 * r + 587 * g + 114 * b) / 1000));
    }
    return image;
}

model::Result<SurfaceHandle> Screen::capture() const {
    finish_painting();
    SurfaceHandle copy(SDL_CreateRGBSurfaceWithFormat(0, m_panel.width, m_panel.height, 32,
                                                      SDL_PIXELFORMAT_ARGB8888));
    if (!copy || SDL_RenderReadPixels(m_renderer.get(), nullptr, SDL_PIXELFORMAT_ARGB8888,
                                      copy->pixels, copy->pitch) != 0) {
        return model::failure(fmt::format("cannot read the frame back: {}", SDL_GetError()));
    }
    return copy;
}

model::Result<void> Screen::save_png(const std::string& path) const {
    if (m_surface) {
        // Headless, the frame already is a surface: no copy of it is needed.
        return render::save_png(*m_surface, path);
    }
    SurfaceHandle copy = KEIJI_TRY(capture());
    return render::save_png(*copy, path);
}

}  // namespace keiji::render