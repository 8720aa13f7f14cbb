#include "media/film_sound.hpp"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libswresample/swresample.h>
}

#include <fmt/format.h>

#include <vector>

namespace keiji::media {

using std::chrono::microseconds;

model::Result<std::unique_ptr<FilmSound>> FilmSound::open(AVFormatContext& format, int video_stream,
                                                          int volume) {
    const int found =
        av_find_best_stream(&format, AVMEDIA_TYPE_AUDIO, -1, video_stream, nullptr, 0);
    if (found < 0) {
        return model::failure("the film has no sound track", "この動画には音声がありません");
    }
    const AVStream& stream = *format.streams[found];
    std::unique_ptr<FilmSound> sound(new FilmSound());
    sound->m_codec = KEIJI_TRY(libav::open_decoder(stream, 1));
    sound->m_stream = found;
    sound->m_time_base = stream.time_base;
    sound->m_volume = volume;
    sound->m_frame.reset(av_frame_alloc());
    const AVCodecContext& codec = *sound->m_codec;
    if (!sound->m_frame || !sound->prepare(codec.sample_rate, codec.sample_fmt, codec.ch_layout)) {
        return model::failure(
            fmt::format("the film's sound ({}) cannot be converted for the sound card",
                        avcodec_get_name(codec.codec_id)));
    }
    sound->m_description =
        fmt::format("{} {:.1f} kHz, {} channel(s), at volume {}", avcodec_get_name(codec.codec_id),
                    codec.sample_rate / 1000.0, sound->m_from.channels, volume);
    return sound;
}

bool FilmSound::prepare(int rate, int format, const AVChannelLayout& layout) {
    const Source wanted{.rate = rate,
                        .format = format,
                        .channels = std::max(1, layout.nb_channels),
                        .order = layout.order,
                        .mask = layout.order == AV_CHANNEL_ORDER_NATIVE ? layout.u.mask : 0};
    if (m_resampler != nullptr && wanted == m_from) {
        return true;
    }
    swr_free(&m_resampler);
    AVChannelLayout from{};
    if (layout.order == AV_CHANNEL_ORDER_UNSPEC || layout.nb_channels == 0) {
        av_channel_layout_default(&from, wanted.channels);
    } else {
        from = layout;  // Native or custom: read, not owned.
    }
    // FFmpeg 5.1 takes the layouts by non-const pointer; it only reads them.
    AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;
    if (swr_alloc_set_opts2(&m_resampler, &stereo, AV_SAMPLE_FMT_S16, AudioQueue::rate, &from,
                            static_cast<AVSampleFormat>(format), rate, 0, nullptr) < 0 ||
        swr_init(m_resampler) < 0) {
        swr_free(&m_resampler);
        return false;
    }
    m_from = wanted;
    return true;
}

FilmSound::~FilmSound() {
    swr_free(&m_resampler);
}

void FilmSound::decode(const AVPacket& packet, microseconds shift) {
    // A damaged sound packet is left out: the pictures matter more, and the next one may do.
    if (avcodec_send_packet(m_codec.get(), &packet) < 0) {
        return;
    }
    while (avcodec_receive_frame(m_codec.get(), m_frame.get()) == 0) {
        convert(*m_frame, shift);
        av_frame_unref(m_frame.get());
    }
}

void FilmSound::flush() {
    avcodec_flush_buffers(m_codec.get());
}

void FilmSound::convert(const AVFrame& frame, microseconds shift) {
    const std::int64_t stamp = frame.best_effort_timestamp;
    if (stamp == AV_NOPTS_VALUE) {
        return;  // Sound of no known time cannot follow the pictures.
    }
    // A stream may change its rate or channels midway (a broadcast recording): the converter
    // follows, or the frame is left out; it never reads channels the frame does not have.
    if (!prepare(frame.sample_rate, frame.format, frame.ch_layout)) {
        return;
    }
    const int room = swr_get_out_samples(m_resampler, frame.nb_samples);
    if (room <= 0) {
        return;
    }
    std::vector<std::int16_t> samples(std::size_t(room) * AudioQueue::channels);
    auto* out = reinterpret_cast<std::uint8_t*>(samples.data());
    const int converted =
        swr_convert(m_resampler, &out, room, const_cast<const std::uint8_t**>(frame.extended_data),
                    frame.nb_samples);
    if (converted <= 0) {
        return;
    }
    samples.resize(std::size_t(converted) * AudioQueue::channels);
    if (m_volume < 100) {
        for (std::int16_t& sample : samples) {
            sample = static_cast<std::int16_t>(sample * m_volume / 100);
        }
    }
    const microseconds time(av_rescale_q(stamp, m_time_base, AVRational{1, 1'000'000}));
    m_queue->push(std::move(samples), time + shift);
}

}  // namespace keiji::media
