#pragma once

#include <memory>

#include "media/video_decoder.hpp"
#include "model/error.hpp"
#include "render/geometry.hpp"
#include "render/screen.hpp"
#include "render/sdl_handles.hpp"

struct SwsContext;

namespace keiji::media {

// Puts a film's pictures into a slide layer, at the place the video template left for them.
// Where the renderer converts YUV itself (a GPU) a picture goes up as it is, in an SDL YUV or NV12
// texture, and is drawn into the layer. Where the layer's pixels are ours (SDL's software
// renderer, which would convert on the CPU anyway and then scale in a second pass), libswscale
// converts and scales in one pass straight into the layer.
class VideoPainter {
public:
    enum class Path { none, layer_pixels, yuv_texture };

    explicit VideoPainter(render::Screen& screen);
    VideoPainter(const VideoPainter&) = delete;
    VideoPainter& operator=(const VideoPainter&) = delete;
    ~VideoPainter();

    // Paints `picture` over `where` (the film's fitted place) in `layer`, a slide layer; the
    // screen composes it at the next present.
    [[nodiscard]] model::Result<void> paint(const VideoFrame& picture, SDL_Texture* layer,
                                            render::Rect where);
    // How the last picture went in (for the log line and the tests).
    [[nodiscard]] Path last_path() const { return m_path; }

private:
    [[nodiscard]] model::Result<void> paint_pixels(const VideoFrame& picture, SDL_Texture* layer,
                                                   render::Rect where);
    [[nodiscard]] model::Result<void> paint_texture(const VideoFrame& picture, SDL_Texture* layer,
                                                    render::Rect where);

    struct ScaleDeleter {
        void operator()(SwsContext* context) const;
    };

    render::Screen& m_screen;
    std::unique_ptr<SwsContext, ScaleDeleter> m_scale;
    render::TextureHandle m_texture;  // The YUV texture of the other path.
    Path m_path = Path::none;
};

}  // namespace keiji::media
