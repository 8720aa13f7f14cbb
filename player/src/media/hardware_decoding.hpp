#pragma once

#include <string>

#include "media/libav.hpp"
#include "model/error.hpp"

namespace keiji::media {

enum class Decoding { automatic, software };

// A video decoder and how it decodes, for the log.
struct VideoCodec {
    libav::Codec codec;
    bool hardware = false;
    // "VA-API on /dev/dri/renderD128", or "software (no VA-API render node)" with its reason.
    std::string how;
};

// Opens a decoder for `stream`: with `Decoding::automatic`, on the GPU through VA-API when a
// DRM render node's driver decodes the codec (pictures then come back as NV12, fetched from the
// GPU's memory; a profile the GPU lacks is decoded in software by the same decoder); otherwise,
// or when the GPU cannot be opened, in software on a thread per core.
// `render_node` "" looks for the first in /dev/dri.
[[nodiscard]] model::Result<VideoCodec> open_video_decoder(const AVStream& stream,
                                                           Decoding decoding,
                                                           const std::string& render_node = "");

// A picture in the GPU's memory (AV_PIX_FMT_VAAPI) copied into the CPU's (NV12, or P010 for
// 10-bit), with its times and colour properties.
[[nodiscard]] model::Result<libav::Frame> from_gpu(const AVFrame& picture);

// The first DRM render node (/dev/dri/renderD128, …), or "" when there is none.
[[nodiscard]] std::string first_render_node();

}  // namespace keiji::media
