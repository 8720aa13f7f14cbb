#include "render/screen.hpp"

#include <SDL_image.h>

namespace keiji::render {

std::expected<Screen, std::string> Screen::open_window(int width, int height, WindowMode mode) {
    Screen screen;
    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    int x = SDL_WINDOWPOS_CENTERED;
    int y = SDL_WINDOWPOS_CENTERED;
    if (mode == WindowMode::fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
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
        return std::unexpected(std::string("cannot open a window: ") + SDL_GetError());
    }
    // No vsync: the player presents only when something changed, and paces crossfades itself.
    screen.m_renderer.reset(
        SDL_CreateRenderer(screen.m_window.get(), -1, SDL_RENDERER_TARGETTEXTURE));
    if (!screen.m_renderer) {
        return std::unexpected(std::string("cannot create a renderer: ") + SDL_GetError());
    }
    int output_width = 0;
    int output_height = 0;
    SDL_GetRendererOutputSize(screen.m_renderer.get(), &output_width, &output_height);
    screen.m_frame = Frame{output_width, output_height};
    // Layers are painted for this size; if the window is resized later, SDL scales the frame
    // (keeping its aspect) instead of showing a cropped or misplaced picture.
    SDL_RenderSetLogicalSize(screen.m_renderer.get(), output_width, output_height);
    return screen;
}

std::expected<Screen, std::string> Screen::open_headless(int width, int height) {
    Screen screen;
    screen.m_surface.reset(
        SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!screen.m_surface) {
        return std::unexpected(std::string("cannot create a frame buffer: ") + SDL_GetError());
    }
    screen.m_renderer.reset(SDL_CreateSoftwareRenderer(screen.m_surface.get()));
    if (!screen.m_renderer) {
        return std::unexpected(std::string("cannot create a software renderer: ") + SDL_GetError());
    }
    screen.m_frame = Frame{width, height};
    return screen;
}

TextureHandle Screen::make_layer(int width, int height) const {
    TextureHandle layer(SDL_CreateTexture(m_renderer.get(), SDL_PIXELFORMAT_ARGB8888,
                                          SDL_TEXTUREACCESS_TARGET, width, height));
    if (layer) {
        SDL_SetTextureBlendMode(layer.get(), SDL_BLENDMODE_BLEND);
    }
    return layer;
}

void Screen::target(SDL_Texture* layer) const {
    SDL_SetRenderTarget(m_renderer.get(), layer);
}

void Screen::present(std::initializer_list<Layer> layers) const {
    SDL_Renderer* renderer = m_renderer.get();
    SDL_SetRenderTarget(renderer, nullptr);
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
    for (const Layer& layer : layers) {
        if (layer.texture == nullptr) {
            continue;
        }
        SDL_SetTextureAlphaMod(layer.texture, layer.alpha);
        const SDL_Rect where{layer.where.x, layer.where.y, layer.where.w, layer.where.h};
        SDL_RenderCopy(renderer, layer.texture, nullptr, &where);
    }
    SDL_RenderPresent(renderer);
}

std::expected<void, std::string> Screen::save_png(const std::string& path) const {
    if (m_surface) {
        if (IMG_SavePNG(m_surface.get(), path.c_str()) != 0) {
            return std::unexpected("cannot write " + path + ": " + IMG_GetError());
        }
        return {};
    }
    SurfaceHandle copy(SDL_CreateRGBSurfaceWithFormat(0, m_frame.width, m_frame.height, 32,
                                                      SDL_PIXELFORMAT_ARGB8888));
    if (!copy ||
        SDL_RenderReadPixels(m_renderer.get(), nullptr, SDL_PIXELFORMAT_ARGB8888, copy->pixels,
                             copy->pitch) != 0 ||
        IMG_SavePNG(copy.get(), path.c_str()) != 0) {
        return std::unexpected("cannot write " + path + ": " + SDL_GetError());
    }
    return {};
}

}  // namespace keiji::render
