#include "media/video_decoder.hpp"

extern "C" {
#include <libswscale/swscale.h>
}

#include <fmt/format.h>

#include "media/film_sound.hpp"
#include "media/hardware_decoding.hpp"
#include "media/libav.hpp"

namespace keiji::media {

namespace {

// Packets that will not decode, in a row, before the video is given up as damaged.
constexpr int max_bad_packets = 50;

using std::chrono::microseconds;

struct ScaleDeleter {
    void operator()(SwsContext* context) const { sws_freeContext(context); }
};

}  // namespace

struct VideoDecoder::Internals {
    libav::Format format;
    libav::Codec codec;
    libav::Packet packet{av_packet_alloc()};
    libav::Frame decoded{av_frame_alloc()};
    std::unique_ptr<SwsContext, ScaleDeleter> scale;
    int stream = -1;
    AVRational time_base{1, 1};
    std::int64_t start = 0;             // The stream's first timestamp.
    microseconds frame_length{33'333};  // One frame at the average rate.
    microseconds loop_offset{0};        // Added to every time, one video's length a loop.
    microseconds last_time{-1};
    bool draining = false;
    int bad_packets = 0;
    bool hardware = false;
    std::unique_ptr<FilmSound> sound;  // When it is played.
    std::string decoding;              // How, for the log (VideoCodec::how).
    std::string cut_short;             // Why reading stopped before the end of the file, if it did.
    microseconds duration{0};          // As the container says; 0 when it does not.

    // The pictures stopped well before the length the container announces, or reading failed.
    [[nodiscard]] bool ended_early() const {
        return !cut_short.empty() ||
               (duration > microseconds{0} &&
                last_time + frame_length < duration - std::chrono::milliseconds{500});
    }

    // The next picture, nullopt at the end of the file.
    model::Result<std::optional<VideoFrame>> decode();
    model::Result<VideoFrame> to_frame();
    // Back to the first frame, its times going on after the last one shown.
    bool rewind();
    // The GPU failed before its first picture: the same file again from its start, in software.
    bool fall_back_to_software(const std::string& why);
};

// ---- decoding, on the decoder's thread

model::Result<VideoFrame> VideoDecoder::Internals::to_frame() {
    AVFrame* picture = decoded.get();
    libav::Frame fetched;
    if (picture->format == AV_PIX_FMT_VAAPI) {
        fetched = KEIJI_TRY(from_gpu(*picture));
        picture = fetched.get();
    }
    microseconds time = last_time + frame_length;
    if (picture->best_effort_timestamp != AV_NOPTS_VALUE) {
        time = microseconds(av_rescale_q(picture->best_effort_timestamp - start, time_base,
                                         AVRational{1, 1'000'000})) +
               loop_offset;
    }
    last_time = time;
    const auto pixels = static_cast<AVPixelFormat>(picture->format);
    if (pixels == AV_PIX_FMT_YUV420P || pixels == AV_PIX_FMT_YUVJ420P ||
        pixels == AV_PIX_FMT_NV12) {
        // A new reference to the decoder's buffers: no copy.
        AVFrame* shown = av_frame_clone(picture);
        if (shown == nullptr) {
            return model::failure("out of memory for a video frame");
        }
        return VideoFrame(
            shown, pixels == AV_PIX_FMT_NV12 ? VideoFrame::Layout::nv12 : VideoFrame::Layout::i420,
            time);
    }
    // 10-bit, 4:2:2, 4:4:4…: converted to what every renderer takes.
    scale.reset(sws_getCachedContext(scale.release(), picture->width, picture->height, pixels,
                                     picture->width, picture->height, AV_PIX_FMT_YUV420P,
                                     SWS_BILINEAR, nullptr, nullptr, nullptr));
    libav::Frame converted(av_frame_alloc());
    if (!scale || !converted) {
        return model::failure("cannot convert the video's pixels");
    }
    converted->format = AV_PIX_FMT_YUV420P;
    converted->colorspace = picture->colorspace;
    converted->color_range = picture->color_range;
    converted->width = picture->width;
    converted->height = picture->height;
    if (av_frame_get_buffer(converted.get(), 0) < 0 ||
        sws_scale(scale.get(), picture->data, picture->linesize, 0, picture->height,
                  converted->data, converted->linesize) != picture->height) {
        return model::failure("cannot convert the video's pixels");
    }
    return VideoFrame(converted.release(), VideoFrame::Layout::i420, time);
}

model::Result<std::optional<VideoFrame>> VideoDecoder::Internals::decode() {
    for (;;) {
        const int received = avcodec_receive_frame(codec.get(), decoded.get());
        if (received == 0 && hardware && last_time < microseconds{0} &&
            decoded->format != AV_PIX_FMT_VAAPI) {
            // The GPU's driver lacks the profile: a software decoder of its own uses every core.
            av_frame_unref(decoded.get());
            if (fall_back_to_software("the GPU's driver does not decode this profile")) {
                continue;
            }
        }
        if (received == 0) {
            auto frame = to_frame();
            av_frame_unref(decoded.get());
            if (!frame && hardware && last_time < microseconds{0} &&
                fall_back_to_software(frame.error().text())) {
                continue;
            }
            if (!frame) {
                return std::unexpected(std::move(frame.error()));
            }
            return std::optional<VideoFrame>(std::move(*frame));
        }
        if (received == AVERROR_EOF) {
            return std::optional<VideoFrame>();
        }
        if (received != AVERROR(EAGAIN) && hardware && last_time < microseconds{0} &&
            fall_back_to_software(libav::error_text(received))) {
            continue;
        }
        if (received != AVERROR(EAGAIN)) {
            // A damaged picture (a packet cut in the middle): the next ones may decode.
            if (++bad_packets > max_bad_packets) {
                return model::failure("the video cannot be decoded: " +
                                      libav::error_text(received));
            }
            continue;
        }
        if (draining) {
            return std::optional<VideoFrame>();
        }
        const int read = av_read_frame(format.get(), packet.get());
        if (read == AVERROR_EOF) {
            draining = true;
            avcodec_send_packet(codec.get(), nullptr);
            continue;
        }
        if (read < 0) {
            // A file cut short ends here, after every frame it had.
            cut_short = libav::error_text(read);
            draining = true;
            avcodec_send_packet(codec.get(), nullptr);
            continue;
        }
        if (packet->stream_index == stream) {
            const int sent = avcodec_send_packet(codec.get(), packet.get());
            if (sent < 0 && sent != AVERROR(EAGAIN) && hardware && last_time < microseconds{0}) {
                // With one thread feeding the GPU, its failures show here.
                av_packet_unref(packet.get());
                if (fall_back_to_software(libav::error_text(sent))) {
                    continue;
                }
                return model::failure("the video cannot be decoded: " + libav::error_text(sent));
            }
            bad_packets = sent < 0 && sent != AVERROR(EAGAIN) ? bad_packets + 1 : 0;
        } else if (sound && packet->stream_index == sound->stream()) {
            // Film time: the pictures' first time is 0, a loop's length is added.
            sound->decode(*packet, loop_offset - microseconds(av_rescale_q(
                                                     start, time_base, AVRational{1, 1'000'000})));
        }
        av_packet_unref(packet.get());
        if (bad_packets > max_bad_packets) {
            return model::failure("the video is damaged: its packets do not decode",
                                  "動画が壊れていて再生できません");
        }
    }
}

bool VideoDecoder::Internals::rewind() {
    if (last_time < microseconds{0} ||
        av_seek_frame(format.get(), stream, start, AVSEEK_FLAG_BACKWARD) < 0) {
        return false;
    }
    avcodec_flush_buffers(codec.get());
    if (sound) {
        sound->flush();
    }
    loop_offset = last_time + frame_length;
    last_time = loop_offset - frame_length;
    draining = false;
    return true;
}

bool VideoDecoder::Internals::fall_back_to_software(const std::string& why) {
    auto software = open_video_decoder(*format->streams[stream], Decoding::software);
    if (!software || av_seek_frame(format.get(), stream, start, AVSEEK_FLAG_BACKWARD) < 0) {
        return false;
    }
    codec = std::move(software->codec);
    hardware = false;
    if (sound) {
        sound->flush();  // Its packets come again from the start.
    }
    decoding =
        fmt::format("software, a thread per core (VA-API failed on the first picture: {})", why);
    draining = false;
    bad_packets = 0;
    return true;
}

// ---- the decoder

model::Result<std::unique_ptr<VideoDecoder>> VideoDecoder::open(const std::string& path,
                                                                DecoderOptions options) {
    libav::initialise();
    auto internals = std::make_unique<Internals>();
    internals->format = KEIJI_TRY(libav::open_container(avformat_alloc_context(), path.c_str()));
    AVFormatContext& format = *internals->format;
    internals->stream = av_find_best_stream(&format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (internals->stream < 0) {
        return model::failure("the file has no video", "このファイルには映像がありません");
    }
    const AVStream& stream = *format.streams[internals->stream];
    if (std::int64_t(stream.codecpar->width) * stream.codecpar->height >
            libav::max_picture_pixels ||
        stream.codecpar->width <= 0 || stream.codecpar->height <= 0) {
        return model::failure(fmt::format("a picture of {}×{} is not decoded here",
                                          stream.codecpar->width, stream.codecpar->height));
    }
    // The sound is read only when it is played; other streams are skipped unread.
    std::string sound_description = "muted";
    if (options.volume > 0) {
        auto sound = FilmSound::open(format, internals->stream, options.volume);
        sound_description = sound ? (*sound)->description() : "muted: " + sound.error().text();
        if (sound) {
            internals->sound = std::move(*sound);
        }
    }
    for (unsigned i = 0; i < format.nb_streams; ++i) {
        if (int(i) != internals->stream &&
            !(internals->sound && int(i) == internals->sound->stream())) {
            format.streams[i]->discard = AVDISCARD_ALL;
        }
    }
    VideoCodec codec = KEIJI_TRY(open_video_decoder(stream, options.decoding, options.render_node));
    internals->codec = std::move(codec.codec);
    internals->hardware = codec.hardware;
    internals->decoding = std::move(codec.how);
    internals->time_base = stream.time_base;
    internals->start = stream.start_time != AV_NOPTS_VALUE ? stream.start_time : 0;
    if (format.duration != AV_NOPTS_VALUE && format.duration > 0) {
        internals->duration = microseconds(av_rescale(format.duration, 1'000'000, AV_TIME_BASE));
    }
    if (stream.avg_frame_rate.num > 0 && stream.avg_frame_rate.den > 0) {
        internals->frame_length = microseconds(
            av_rescale_q(1, av_inv_q(stream.avg_frame_rate), AVRational{1, 1'000'000}));
    }
    if (!internals->packet || !internals->decoded) {
        return model::failure("out of memory for the video decoder");
    }
    std::shared_ptr<AudioQueue> sound_queue =
        internals->sound ? internals->sound->queue() : nullptr;
    std::unique_ptr<VideoDecoder> decoder(new VideoDecoder(std::move(internals), options));
    decoder->m_sound = std::move(sound_queue);
    decoder->m_sound_description = std::move(sound_description);
    decoder->m_thread = std::thread([raw = decoder.get()] { raw->run(); });
    return decoder;
}

VideoDecoder::VideoDecoder(std::unique_ptr<Internals> internals, DecoderOptions options)
    : m_internals(std::move(internals)), m_options(options), m_decoding(m_internals->decoding) {}

std::string VideoDecoder::decoding() {
    const std::lock_guard lock(m_mutex);
    return m_decoding;
}

VideoDecoder::~VideoDecoder() {
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void VideoDecoder::run() {
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return m_stop || m_queue.size() < m_options.queue_frames; });
            if (m_stop) {
                return;
            }
        }
        auto decoded = m_internals->decode();
        if (decoded && !*decoded && m_options.loop && m_internals->rewind()) {
            continue;
        }
        const std::lock_guard lock(m_mutex);
        m_decoding = m_internals->decoding;
        if (!decoded) {
            m_problem = std::move(decoded.error());
            m_ended = true;
        } else if (!*decoded) {
            m_ended = true;
            if (m_internals->ended_early()) {
                m_problem = model::error(
                    fmt::format(
                        "the file ends early, after {:.1f} of {:.1f} s{}: it was cut "
                        "short or is damaged",
                        double(m_internals->last_time.count()) / 1e6,
                        double(m_internals->duration.count()) / 1e6,
                        m_internals->cut_short.empty() ? "" : " (" + m_internals->cut_short + ")"),
                    "ファイルが途中で終わっています（途中で切れているか、壊れています）");
            }
        } else {
            m_queue.push_back(std::move(**decoded));
        }
        m_changed.notify_all();
        if (m_ended) {
            return;
        }
    }
}

std::optional<VideoFrame> VideoDecoder::frame_at(microseconds elapsed) {
    std::optional<VideoFrame> due;
    {
        const std::lock_guard lock(m_mutex);
        while (!m_queue.empty() && m_queue.front().time() <= elapsed) {
            if (due) {
                ++m_dropped;  // Late: a newer frame is due already.
            }
            due = std::move(m_queue.front());
            m_queue.pop_front();
        }
    }
    if (due) {
        m_changed.notify_all();
    }
    return due;
}

std::optional<microseconds> VideoDecoder::wait_next_due(std::chrono::milliseconds wait) {
    std::unique_lock lock(m_mutex);
    m_changed.wait_for(lock, wait, [&] { return !m_queue.empty() || m_ended; });
    if (m_queue.empty()) {
        return std::nullopt;
    }
    return m_queue.front().time();
}

std::optional<VideoFrame> VideoDecoder::next_frame(std::chrono::milliseconds wait) {
    std::unique_lock lock(m_mutex);
    if (!m_changed.wait_for(lock, wait, [&] { return !m_queue.empty() || m_ended; }) ||
        m_queue.empty()) {
        return std::nullopt;
    }
    VideoFrame frame = std::move(m_queue.front());
    m_queue.pop_front();
    lock.unlock();
    m_changed.notify_all();
    return frame;
}

std::optional<microseconds> VideoDecoder::next_due() {
    const std::lock_guard lock(m_mutex);
    if (m_queue.empty()) {
        return std::nullopt;
    }
    return m_queue.front().time();
}

bool VideoDecoder::finished() {
    const std::lock_guard lock(m_mutex);
    return m_ended && m_queue.empty();
}

std::optional<model::Error> VideoDecoder::problem() {
    const std::lock_guard lock(m_mutex);
    return m_problem;
}

}  // namespace keiji::media
