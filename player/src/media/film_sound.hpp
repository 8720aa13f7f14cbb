#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "media/audio_queue.hpp"
#include "media/libav.hpp"
#include "model/error.hpp"

struct SwrContext;

namespace keiji::media {

// A film's sound track, decoded on the film decoder's thread (its packets come from the same
// demuxer as the pictures), converted to 48 kHz 16-bit stereo with libswresample, at the item's
// volume, into an AudioQueue stamped with film time.
class FilmSound {
public:
    // The film's main sound track at `volume` (1–100, a share of full level). Fails when the film
    // has none or it cannot be decoded: the film then plays muted, and the reason is logged.
    [[nodiscard]] static model::Result<std::unique_ptr<FilmSound>> open(AVFormatContext& format,
                                                                        int video_stream,
                                                                        int volume);
    FilmSound(const FilmSound&) = delete;
    FilmSound& operator=(const FilmSound&) = delete;
    ~FilmSound();

    [[nodiscard]] int stream() const { return m_stream; }
    // "aac 44.1 kHz, 2 channels, at volume 50": for the log.
    [[nodiscard]] const std::string& description() const { return m_description; }
    [[nodiscard]] const std::shared_ptr<AudioQueue>& queue() const { return m_queue; }

    // Decodes one of its packets. `shift` turns the stream's times into film time (the pictures'
    // first time taken away, a loop's length added).
    void decode(const AVPacket& packet, std::chrono::microseconds shift);
    // After a seek (a loop): what the decoder holds is dropped.
    void flush();

private:
    FilmSound() = default;
    void convert(const AVFrame& frame, std::chrono::microseconds shift);
    // The converter for sound in this form, made again when the form changes. False when
    // libswresample cannot convert it.
    bool prepare(int rate, int format, const AVChannelLayout& layout);

    // The form the converter takes.
    struct Source {
        int rate = 0;
        int format = -1;
        int channels = 0;
        int order = 0;
        std::uint64_t mask = 0;
        bool operator==(const Source&) const = default;
    };

    libav::Codec m_codec;
    SwrContext* m_resampler = nullptr;
    Source m_from;
    libav::Frame m_frame;
    int m_stream = -1;
    AVRational m_time_base{1, 1};
    int m_volume = 100;
    std::string m_description;
    std::shared_ptr<AudioQueue> m_queue = std::make_shared<AudioQueue>();
};

}  // namespace keiji::media
