#include "media/video_probe.hpp"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

#include "media/libav.hpp"

namespace keiji::media {

namespace {

// Packets read to see whether frames are evenly spaced: 4 s at 30 frames a second.
constexpr int packets_for_spacing = 120;

struct IoDeleter {
    void operator()(AVIOContext* io) const {
        av_freep(&io->buffer);
        avio_context_free(&io);
    }
};

// Bytes in memory, read through FFmpeg's I/O callbacks.
struct MemoryReader {
    std::span<const std::uint8_t> bytes;
    std::size_t position = 0;

    static int read(void* opaque, std::uint8_t* into, int size) {
        auto* self = static_cast<MemoryReader*>(opaque);
        const std::size_t left = self->bytes.size() - self->position;
        const std::size_t count = std::min(left, std::size_t(std::max(size, 0)));
        if (count == 0) {
            return AVERROR_EOF;
        }
        std::memcpy(into, self->bytes.data() + self->position, count);
        self->position += count;
        return int(count);
    }

    static std::int64_t seek(void* opaque, std::int64_t offset, int whence) {
        auto* self = static_cast<MemoryReader*>(opaque);
        const auto size = std::int64_t(self->bytes.size());
        std::int64_t target = offset;
        switch (whence & ~AVSEEK_FORCE) {
            case AVSEEK_SIZE:
                return size;
            case SEEK_SET:
                break;
            case SEEK_CUR:
                target += std::int64_t(self->position);
                break;
            case SEEK_END:
                target += size;
                break;
            default:
                return AVERROR(EINVAL);
        }
        if (target < 0 || target > size) {
            return AVERROR(EINVAL);
        }
        self->position = std::size_t(target);
        return target;
    }
};

// Whether the packets' presentation times are unevenly spaced: sorted (B-frames come out of
// order), their gaps should all be one frame's length, give or take a rounding.
bool unevenly_spaced(std::vector<std::int64_t> times) {
    std::sort(times.begin(), times.end());
    // Packets come in decoding order: with B-frames the last few read leave out pictures shown
    // between them that come in the next packets. Those gaps are the sample's end, not the film's.
    constexpr std::size_t reorder_depth = 16;
    if (times.size() > 2 * reorder_depth) {
        times.resize(times.size() - reorder_depth);
    }
    std::vector<std::int64_t> gaps;
    for (std::size_t i = 1; i < times.size(); ++i) {
        if (times[i] > times[i - 1]) {
            gaps.push_back(times[i] - times[i - 1]);
        }
    }
    if (gaps.size() < 4) {
        return false;
    }
    std::vector<std::int64_t> sorted = gaps;
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(sorted.size() / 2),
                     sorted.end());
    const double typical = double(sorted[sorted.size() / 2]);
    // A millisecond time base rounds 29.97 fps to gaps of 33 and 34: 3 %, not a variation.
    return std::ranges::any_of(gaps, [typical](std::int64_t gap) {
        return std::abs(double(gap) - typical) > 0.1 * typical;
    });
}

void describe_pixels(const AVCodecParameters& parameters, VideoFacts& facts) {
    const auto format = static_cast<AVPixelFormat>(parameters.format);
    const AVPixFmtDescriptor* descriptor = av_pix_fmt_desc_get(format);
    if (descriptor == nullptr) {
        facts.pixel_format = "unknown";
        return;
    }
    facts.pixel_format = descriptor->name;
    facts.bits_per_sample = descriptor->comp[0].depth;
    facts.chroma_420 = descriptor->log2_chroma_w == 1 && descriptor->log2_chroma_h == 1;
}

// Decodes packets of `stream` from where reading stands until a first picture comes out.
model::Result<void> decode_first_frame(AVFormatContext& format, const AVStream& stream) {
    const libav::Codec codec = KEIJI_TRY(libav::open_decoder(stream, 1));
    const libav::Packet packet(av_packet_alloc());
    const libav::Frame frame(av_frame_alloc());
    // A damaged stream may never give a picture: give up after a few seconds of packets.
    for (int read = 0; read < packets_for_spacing * 2; ++read) {
        const int status = av_read_frame(&format, packet.get());
        if (status < 0) {
            avcodec_send_packet(codec.get(), nullptr);  // Drain what the decoder holds.
        } else if (packet->stream_index != stream.index) {
            av_packet_unref(packet.get());
            continue;
        } else {
            avcodec_send_packet(codec.get(), packet.get());
            av_packet_unref(packet.get());
        }
        if (avcodec_receive_frame(codec.get(), frame.get()) == 0) {
            return {};
        }
        if (status < 0) {
            break;
        }
    }
    return model::failure(
        "no picture could be decoded: the file is damaged or cut short",
        "映像を1コマも取り出せません。ファイルが壊れているか、途中で切れています");
}

model::Result<VideoFacts> probe(AVFormatContext* context, const char* path) {
    const libav::Format format = KEIJI_TRY(libav::open_container(context, path));
    const int best = av_find_best_stream(format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (best < 0) {
        return model::failure("the file has no video", "このファイルには映像がありません");
    }
    const AVStream& stream = *format->streams[best];
    const AVCodecParameters& parameters = *stream.codecpar;
    VideoFacts facts;
    facts.container = format->iformat->name;
    facts.codec = avcodec_get_name(parameters.codec_id);
    if (const char* profile = avcodec_profile_name(parameters.codec_id, parameters.profile)) {
        facts.profile = profile;
    }
    facts.decoder_available = avcodec_find_decoder(parameters.codec_id) != nullptr;
    facts.width = parameters.width;
    facts.height = parameters.height;
    describe_pixels(parameters, facts);
    const AVRational rate =
        stream.avg_frame_rate.num > 0 ? stream.avg_frame_rate : stream.r_frame_rate;
    facts.frame_rate = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0.0;
    if (format->duration != AV_NOPTS_VALUE && format->duration > 0) {
        facts.duration = std::chrono::milliseconds(format->duration / (AV_TIME_BASE / 1000));
    }
    for (unsigned i = 0; i < format->nb_streams; ++i) {
        facts.has_audio |= format->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_AUDIO;
    }
    if (std::int64_t(facts.width) * facts.height > libav::max_picture_pixels || facts.width <= 0 ||
        facts.height <= 0) {
        return facts;  // The checks say it is too large (or unknown); nothing decodes it.
    }
    std::vector<std::int64_t> times;
    const libav::Packet packet(av_packet_alloc());
    for (int read = 0; read < packets_for_spacing * 4 && int(times.size()) < packets_for_spacing;
         ++read) {
        if (av_read_frame(format.get(), packet.get()) < 0) {
            break;
        }
        if (packet->stream_index == best && packet->pts != AV_NOPTS_VALUE) {
            times.push_back(packet->pts);
        }
        av_packet_unref(packet.get());
    }
    facts.variable_frame_rate = unevenly_spaced(std::move(times));
    if (facts.decoder_available) {
        // Back to the start: the first picture is what the screen shows first.
        av_seek_frame(format.get(), best,
                      stream.start_time != AV_NOPTS_VALUE ? stream.start_time : 0,
                      AVSEEK_FLAG_BACKWARD);
        KEIJI_TRY(decode_first_frame(*format, stream));
    }
    return facts;
}

}  // namespace

model::Result<VideoFacts> probe_video(const std::string& path) {
    libav::initialise();
    return probe(avformat_alloc_context(), path.c_str());
}

model::Result<VideoFacts> probe_video_bytes(std::span<const std::uint8_t> bytes) {
    libav::initialise();
    MemoryReader reader{bytes, 0};
    constexpr int buffer_size = 1 << 16;
    auto* buffer = static_cast<std::uint8_t*>(av_malloc(buffer_size));
    std::unique_ptr<AVIOContext, IoDeleter> io(avio_alloc_context(
        buffer, buffer_size, 0, &reader, &MemoryReader::read, nullptr, &MemoryReader::seek));
    if (!io) {
        av_free(buffer);
        return model::failure("out of memory for the video reader");
    }
    AVFormatContext* format = avformat_alloc_context();
    if (format != nullptr) {
        format->pb = io.get();
        format->flags |= AVFMT_FLAG_CUSTOM_IO;
    }
    return probe(format, nullptr);
}

}  // namespace keiji::media
