#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "media/audio_queue.hpp"
#include "media/hardware_decoding.hpp"
#include "model/error.hpp"

struct AVFrame;

namespace keiji::media {

// One decoded picture in YUV 4:2:0, as SDL takes it without a conversion on the CPU
// (SDL_UpdateYUVTexture for i420, SDL_UpdateNVTexture for nv12).
class VideoFrame {
public:
    enum class Layout { i420, nv12 };

    VideoFrame(AVFrame* frame, Layout layout, std::chrono::microseconds time);
    VideoFrame(VideoFrame&&) noexcept;
    VideoFrame& operator=(VideoFrame&&) noexcept;
    ~VideoFrame();

    // When it is shown, from the start of the first play (a loop's frames keep counting).
    [[nodiscard]] std::chrono::microseconds time() const { return m_time; }
    [[nodiscard]] Layout layout() const { return m_layout; }
    [[nodiscard]] int width() const;
    [[nodiscard]] int height() const;
    // Its colours are BT.709 (HD) rather than BT.601, and use the full 0–255 range.
    [[nodiscard]] bool bt709() const;
    [[nodiscard]] bool full_range() const;
    // Plane i (0: Y; 1 and 2: U and V for i420, 1: interleaved UV for nv12) and its row length.
    [[nodiscard]] const std::uint8_t* plane(int i) const;
    [[nodiscard]] int pitch(int i) const;

private:
    AVFrame* m_frame = nullptr;  // Owned; its buffers are FFmpeg's, counted by reference.
    Layout m_layout = Layout::i420;
    std::chrono::microseconds m_time{0};
};

struct DecoderOptions {
    bool loop = false;             // Start again at the end, its frames' times going on.
    std::size_t queue_frames = 6;  // Pictures decoded ahead: 0.2 s at 30 fps, 18 MB at 1080p.
    Decoding decoding = Decoding::automatic;  // VA-API when the GPU can, else software.
    std::string render_node;                  // "": the first in /dev/dri.
    int volume = 0;  // 1–100 decodes the sound track at that share of full level; 0: muted.
};

// Demuxes and decodes a video file on a thread of its own, a few frames ahead of the screen
// (libavformat, libavcodec; pictures in another pixel format are converted to I420 with
// libswscale). The screen's thread takes the frames when they are due. A damaged or cut file
// ends the video early with its reason, never the process.
class VideoDecoder {
public:
    [[nodiscard]] static model::Result<std::unique_ptr<VideoDecoder>> open(
        const std::string& path, DecoderOptions options = {});
    VideoDecoder(const VideoDecoder&) = delete;
    VideoDecoder& operator=(const VideoDecoder&) = delete;
    ~VideoDecoder();

    // The next frame if it is due at `elapsed` (from the start of play): the latest of those
    // due, the earlier ones dropped as late. Nothing when the next one is not due yet.
    [[nodiscard]] std::optional<VideoFrame> frame_at(std::chrono::microseconds elapsed);
    // The next frame whatever its time, waiting for the decoder (at most `wait`): the first
    // picture before the video starts, and tests that count every frame.
    [[nodiscard]] std::optional<VideoFrame> next_frame(std::chrono::milliseconds wait);
    // When the next frame is due, if one is decoded: the screen sleeps until then.
    [[nodiscard]] std::optional<std::chrono::microseconds> next_due();
    // The same, waiting for the decoder (at most `wait`) when none is decoded yet: a headless
    // run's virtual clock does not wait for the decoder's thread by itself.
    [[nodiscard]] std::optional<std::chrono::microseconds> wait_next_due(
        std::chrono::milliseconds wait);
    // The file is played to its end (not looping) and every frame was taken.
    [[nodiscard]] bool finished();
    // Why the video ended early, when it did.
    [[nodiscard]] std::optional<model::Error> problem();
    [[nodiscard]] std::int64_t frames_dropped() const { return m_dropped; }
    // "VA-API on /dev/dri/renderD128" or "software, … (why)": for the log. It changes once if
    // the GPU fails on the first picture and the decoder goes on in software.
    [[nodiscard]] std::string decoding();
    // The film's sound, stamped with film time, when it is played (a volume was given and the
    // track decodes); nullptr when muted.
    [[nodiscard]] const std::shared_ptr<AudioQueue>& sound() const { return m_sound; }
    // "aac 48.0 kHz, 2 channel(s), at volume 50", "muted", or why the sound is not played.
    [[nodiscard]] const std::string& sound_description() const { return m_sound_description; }

    struct Internals;  // FFmpeg's state, on the decoding thread.

private:
    VideoDecoder(std::unique_ptr<Internals> internals, DecoderOptions options);
    void run();

    std::unique_ptr<Internals> m_internals;
    DecoderOptions m_options;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<VideoFrame> m_queue;
    bool m_stop = false;
    bool m_ended = false;
    std::optional<model::Error> m_problem;
    std::int64_t m_dropped = 0;
    std::string m_decoding;
    std::shared_ptr<AudioQueue> m_sound;
    std::string m_sound_description = "muted";
    std::thread m_thread;
};

}  // namespace keiji::media
