#pragma once

// What the media room's files share about FFmpeg's libraries: their set-up, owners for their
// objects, and opening a container the way a kiosk may.
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include <memory>
#include <string>

#include "model/error.hpp"

namespace keiji::media::libav {

// Once per process: FFmpeg's own log off (our one line says what is wrong with a file), and no
// single allocation above 512 MiB, whatever a header claims.
void initialise();

// A picture this much larger than 4K in pixels is never decoded.
inline constexpr std::int64_t max_picture_pixels = std::int64_t(3840) * 2160 * 4;

[[nodiscard]] std::string error_text(int code);

struct FormatDeleter {
    void operator()(AVFormatContext* context) const { avformat_close_input(&context); }
};
struct CodecDeleter {
    void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
struct PacketDeleter {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
struct FrameDeleter {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
using Format = std::unique_ptr<AVFormatContext, FormatDeleter>;
using Codec = std::unique_ptr<AVCodecContext, CodecDeleter>;
using Packet = std::unique_ptr<AVPacket, PacketDeleter>;
using Frame = std::unique_ptr<AVFrame, FrameDeleter>;

// Opens `path` (null: the context's own I/O, already set) with only the containers a kiosk
// plays (MP4/MOV, Matroska/WebM) and only files, and reads its streams. `context` is taken
// over (freed on failure, as avformat_open_input does).
[[nodiscard]] model::Result<Format> open_container(AVFormatContext* context, const char* path);

// A decoder for `stream`, opened; `threads` 0 lets FFmpeg choose.
[[nodiscard]] model::Result<Codec> open_decoder(const AVStream& stream, int threads);

}  // namespace keiji::media::libav
