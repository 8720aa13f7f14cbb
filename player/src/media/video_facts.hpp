#pragma once

#include <chrono>
#include <string>

namespace keiji::media {

// What a video file is, as its container says and its first packets show (probe_video).
struct VideoFacts {
    std::string container;  // FFmpeg's demuxer name: "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm".
    std::string codec;      // FFmpeg's codec name: "h264", "hevc", "vp9", "av1", "mpeg2video".
    std::string profile;    // "High", "Main 10", …; empty when the codec has none.
    bool decoder_available = false;  // This machine's libavcodec has a decoder for it.
    int width = 0;
    int height = 0;
    std::string pixel_format;  // "yuv420p", "yuv420p10le", "yuv422p", …
    int bits_per_sample = 8;   // Of the pixel format's components.
    bool chroma_420 = true;    // Colour at a quarter of the resolution, as every decoder takes.
    double frame_rate = 0.0;   // Average frames a second.
    // The frames are not evenly spaced (a phone's recording, a screen capture): pacing them on
    // the display's clock stutters.
    bool variable_frame_rate = false;
    std::chrono::milliseconds duration{0};  // 0: the container does not say.
    bool has_audio = false;
};

}  // namespace keiji::media
