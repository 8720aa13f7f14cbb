#include "media/hardware_decoding.hpp"

extern "C" {
#include <libavutil/hwcontext.h>
#include <libavutil/pixdesc.h>
}

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <vector>

namespace keiji::media {

namespace {

bool decodes_with_vaapi(const AVCodec& decoder) {
    for (int i = 0;; ++i) {
        const AVCodecHWConfig* config = avcodec_get_hw_config(&decoder, i);
        if (config == nullptr) {
            return false;
        }
        if ((config->methods & AV_CODEC_HW_CONFIG_METHOD_HW_DEVICE_CTX) != 0 &&
            config->device_type == AV_HWDEVICE_TYPE_VAAPI) {
            return true;
        }
    }
}

// FFmpeg offers the formats it can decode this stream into: the GPU's when its driver has the
// profile, else a software one (the same decoder then decodes on the CPU).
AVPixelFormat choose_format(AVCodecContext* /*context*/, const AVPixelFormat* offered) {
    for (const AVPixelFormat* format = offered; *format != AV_PIX_FMT_NONE; ++format) {
        if (*format == AV_PIX_FMT_VAAPI) {
            return *format;
        }
    }
    for (const AVPixelFormat* format = offered; *format != AV_PIX_FMT_NONE; ++format) {
        const AVPixFmtDescriptor* description = av_pix_fmt_desc_get(*format);
        if (description != nullptr && (description->flags & AV_PIX_FMT_FLAG_HWACCEL) == 0) {
            return *format;
        }
    }
    return AV_PIX_FMT_NONE;
}

model::Result<libav::Codec> prepared(const AVStream& stream, const AVCodec& decoder) {
    libav::Codec codec(avcodec_alloc_context3(&decoder));
    if (!codec || avcodec_parameters_to_context(codec.get(), stream.codecpar) < 0) {
        return model::failure("cannot prepare the video decoder");
    }
    codec->pkt_timebase = stream.time_base;
    return codec;
}

model::Result<libav::Codec> opened(libav::Codec codec, const AVCodec& decoder) {
    if (const int result = avcodec_open2(codec.get(), &decoder, nullptr); result < 0) {
        return model::failure("cannot open the video decoder: " + libav::error_text(result));
    }
    return codec;
}

// The GPU's decoder, or why not.
model::Result<libav::Codec> open_on_gpu(const AVStream& stream, const AVCodec& decoder,
                                        const std::string& node) {
    if (node.empty()) {
        return model::failure("no VA-API render node (/dev/dri/renderD*)");
    }
    if (!decodes_with_vaapi(decoder)) {
        return model::failure(fmt::format("FFmpeg's {} decoder has no VA-API path", decoder.name));
    }
    AVBufferRef* device = nullptr;
    if (const int created =
            av_hwdevice_ctx_create(&device, AV_HWDEVICE_TYPE_VAAPI, node.c_str(), nullptr, 0);
        created < 0) {
        return model::failure(
            fmt::format("VA-API on {} does not open: {}", node, libav::error_text(created)));
    }
    auto codec = prepared(stream, decoder);
    if (!codec) {
        av_buffer_unref(&device);
        return codec;
    }
    (*codec)->hw_device_ctx = device;  // The codec owns the reference from here.
    (*codec)->get_format = choose_format;
    // The GPU does the work: one thread feeds it.
    (*codec)->thread_count = 1;
    return opened(std::move(*codec), decoder);
}

}  // namespace

std::string first_render_node() {
    std::vector<std::string> nodes;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/dev/dri", error)) {
        if (entry.path().filename().string().starts_with("renderD")) {
            nodes.push_back(entry.path().string());
        }
    }
    std::ranges::sort(nodes);
    return nodes.empty() ? std::string{} : nodes.front();
}

model::Result<VideoCodec> open_video_decoder(const AVStream& stream, Decoding decoding,
                                             const std::string& render_node) {
    const AVCodec* decoder = avcodec_find_decoder(stream.codecpar->codec_id);
    if (decoder == nullptr) {
        return model::failure(fmt::format("no decoder for {} on this screen",
                                          avcodec_get_name(stream.codecpar->codec_id)));
    }
    std::string why_software = "software decoding was asked for";
    if (decoding == Decoding::automatic) {
        const std::string node = render_node.empty() ? first_render_node() : render_node;
        auto gpu = open_on_gpu(stream, *decoder, node);
        if (gpu) {
            return VideoCodec{.codec = std::move(*gpu),
                              .hardware = true,
                              .how = fmt::format("VA-API on {}", node)};
        }
        why_software = gpu.error().text();
    }
    auto codec = KEIJI_TRY(prepared(stream, *decoder));
    codec->thread_count = 0;  // FFmpeg chooses: a thread per core.
    return VideoCodec{.codec = KEIJI_TRY(opened(std::move(codec), *decoder)),
                      .hardware = false,
                      .how = fmt::format("software, a thread per core ({})", why_software)};
}

model::Result<libav::Frame> from_gpu(const AVFrame& picture) {
    libav::Frame copy(av_frame_alloc());
    if (!copy) {
        return model::failure("out of memory for a video frame");
    }
    // The format left unset: the GPU's own layout (NV12 for 8-bit, P010 for 10-bit).
    if (const int copied = av_hwframe_transfer_data(copy.get(), &picture, 0); copied < 0) {
        return model::failure("cannot fetch a picture from the GPU: " + libav::error_text(copied));
    }
    if (const int props = av_frame_copy_props(copy.get(), &picture); props < 0) {
        return model::failure("cannot fetch a picture from the GPU: " + libav::error_text(props));
    }
    return copy;
}

}  // namespace keiji::media
