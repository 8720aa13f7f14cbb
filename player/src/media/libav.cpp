#include "media/libav.hpp"

extern "C" {
#include <libavutil/mem.h>
}

#include <fmt/format.h>

#include <mutex>

namespace keiji::media::libav {

namespace {

// Containers a kiosk plays: what cameras, phones and editors write for H.264, H.265, VP9, AV1.
constexpr const char* playable_containers = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm";

}  // namespace

void initialise() {
    static std::once_flag once;
    std::call_once(once, [] {
        av_log_set_level(AV_LOG_QUIET);
        av_max_alloc(std::size_t(512) << 20);
    });
}

std::string error_text(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

model::Result<Format> open_container(AVFormatContext* context, const char* path) {
    initialise();
    if (context == nullptr) {
        return model::failure("out of memory for the video reader");
    }
    AVDictionary* options = nullptr;
    av_dict_set(&options, "format_whitelist", playable_containers, 0);
    av_dict_set(&options, "protocol_whitelist", "file", 0);
    const int opened = avformat_open_input(&context, path, nullptr, &options);
    av_dict_free(&options);
    if (opened < 0) {
        return model::failure(
            fmt::format("not a video the screen plays (MP4, MOV, MKV or WebM), or damaged: {}",
                        error_text(opened)),
            "画面で再生できる動画（MP4、MOV、MKV、WebM）ではないか、ファイルが壊れています");
    }
    Format format(context);
    if (const int found = avformat_find_stream_info(format.get(), nullptr); found < 0) {
        return model::failure("cannot read the video's streams: " + error_text(found));
    }
    return format;
}

model::Result<Codec> open_decoder(const AVStream& stream, int threads) {
    const AVCodec* decoder = avcodec_find_decoder(stream.codecpar->codec_id);
    if (decoder == nullptr) {
        return model::failure(fmt::format("no decoder for {} on this screen",
                                          avcodec_get_name(stream.codecpar->codec_id)));
    }
    Codec codec(avcodec_alloc_context3(decoder));
    if (!codec || avcodec_parameters_to_context(codec.get(), stream.codecpar) < 0) {
        return model::failure("cannot prepare the video decoder");
    }
    codec->thread_count = threads;
    codec->pkt_timebase = stream.time_base;
    if (const int opened = avcodec_open2(codec.get(), decoder, nullptr); opened < 0) {
        return model::failure("cannot open the video decoder: " + error_text(opened));
    }
    return codec;
}

}  // namespace keiji::media::libav
