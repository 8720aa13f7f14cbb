#include "media/video_painter.hpp"

extern "C" {
#include <libswscale/swscale.h>
}

#include <SDL.h>

#include <cstdint>
#include <string>

namespace keiji::media {

namespace {

std::unexpected<model::Error> sdl_failure(const std::string& what) {
    return std::unexpected(
        model::Error{.message = {what, {}}, .cause = {model::Cause::Kind::sdl, 0, SDL_GetError()}});
}

}  // namespace

void VideoPainter::ScaleDeleter::operator()(SwsContext* context) const {
    sws_freeContext(context);
}

VideoPainter::VideoPainter(render::Screen& screen) : m_screen(screen) {
    // BT.709 for HD films and BT.601 for SD, as the files are made; SDL's default is 601 for all.
    SDL_SetYUVConversionMode(SDL_YUV_CONVERSION_AUTOMATIC);
}

VideoPainter::~VideoPainter() = default;

model::Result<void> VideoPainter::paint(const VideoFrame& picture, SDL_Texture* layer,
                                        render::Rect where) {
    if (layer == nullptr || where.w <= 0 || where.h <= 0) {
        return model::failure("no place for the film's picture");
    }
    if (m_screen.pixels_are_ours(layer)) {
        m_path = Path::layer_pixels;
        return paint_pixels(picture, layer, where);
    }
    m_path = Path::yuv_texture;
    return paint_texture(picture, layer, where);
}

model::Result<void> VideoPainter::paint_pixels(const VideoFrame& picture, SDL_Texture* layer,
                                               render::Rect where) {
    int layer_width = 0;
    int layer_height = 0;
    SDL_QueryTexture(layer, nullptr, nullptr, &layer_width, &layer_height);
    // Clipped to the layer: a film box never leaves it, but a wrong one must not write past it.
    if (where.x < 0 || where.y < 0 || where.x + where.w > layer_width ||
        where.y + where.h > layer_height) {
        return model::failure("the film's place is outside its slide");
    }
    const AVPixelFormat from =
        picture.layout() == VideoFrame::Layout::nv12 ? AV_PIX_FMT_NV12 : AV_PIX_FMT_YUV420P;
    const bool same_size = picture.width() == where.w && picture.height() == where.h;
    // A 4K film on a 1080p screen: the fast filter; it loses nothing visible at half size.
    const bool far_down = picture.width() > where.w * 3 / 2;
    const int flags = same_size ? SWS_POINT : (far_down ? SWS_FAST_BILINEAR : SWS_BILINEAR);
    // SDL_PIXELFORMAT_RGB888 is XRGB in a 32-bit word: B, G, R, X in memory on every kiosk.
    m_scale.reset(sws_getCachedContext(m_scale.release(), picture.width(), picture.height(), from,
                                       where.w, where.h, AV_PIX_FMT_BGR0, flags, nullptr, nullptr,
                                       nullptr));
    if (!m_scale) {
        return model::failure("cannot set up the film's colour conversion");
    }
    const int* table = sws_getCoefficients(picture.bt709() ? SWS_CS_ITU709 : SWS_CS_ITU601);
    sws_setColorspaceDetails(m_scale.get(), table, picture.full_range() ? 1 : 0, table, 1, 0,
                             1 << 16, 1 << 16);
    void* pixels = nullptr;
    int pitch = 0;
    if (SDL_LockTexture(layer, nullptr, &pixels, &pitch) != 0) {
        return sdl_failure("cannot write the film's picture");
    }
    std::uint8_t* const to[4] = {static_cast<std::uint8_t*>(pixels) +
                                     std::ptrdiff_t(where.y) * pitch + std::ptrdiff_t(where.x) * 4,
                                 nullptr, nullptr, nullptr};
    const int to_pitch[4] = {pitch, 0, 0, 0};
    const std::uint8_t* const from_planes[4] = {picture.plane(0), picture.plane(1),
                                                picture.plane(2), nullptr};
    const int from_pitch[4] = {picture.pitch(0), picture.pitch(1), picture.pitch(2), 0};
    const int rows =
        sws_scale(m_scale.get(), from_planes, from_pitch, 0, picture.height(), to, to_pitch);
    SDL_UnlockTexture(layer);
    m_screen.layer_changed(layer, where);
    if (rows != where.h) {
        return model::failure("the film's picture could not be converted");
    }
    return {};
}

model::Result<void> VideoPainter::paint_texture(const VideoFrame& picture, SDL_Texture* layer,
                                                render::Rect where) {
    const Uint32 format =
        picture.layout() == VideoFrame::Layout::nv12 ? SDL_PIXELFORMAT_NV12 : SDL_PIXELFORMAT_IYUV;
    Uint32 have_format = 0;
    int width = 0;
    int height = 0;
    if (m_texture) {
        SDL_QueryTexture(m_texture.get(), &have_format, nullptr, &width, &height);
    }
    if (!m_texture || have_format != format || width != picture.width() ||
        height != picture.height()) {
        m_texture.reset(SDL_CreateTexture(m_screen.renderer(), format, SDL_TEXTUREACCESS_STREAMING,
                                          picture.width(), picture.height()));
        if (!m_texture) {
            return sdl_failure("cannot create the film's texture");
        }
        SDL_SetTextureScaleMode(m_texture.get(), SDL_ScaleModeLinear);
    }
    const int updated =
        format == SDL_PIXELFORMAT_NV12
            ? SDL_UpdateNVTexture(m_texture.get(), nullptr, picture.plane(0), picture.pitch(0),
                                  picture.plane(1), picture.pitch(1))
            : SDL_UpdateYUVTexture(m_texture.get(), nullptr, picture.plane(0), picture.pitch(0),
                                   picture.plane(1), picture.pitch(1), picture.plane(2),
                                   picture.pitch(2));
    if (updated != 0) {
        return sdl_failure("cannot upload the film's picture");
    }
    m_screen.target(layer);
    const SDL_Rect target{where.x, where.y, where.w, where.h};
    SDL_RenderCopy(m_screen.renderer(), m_texture.get(), nullptr, &target);
    m_screen.target(nullptr);
    return {};
}

}  // namespace keiji::media
