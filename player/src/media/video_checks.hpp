#pragma once

#include <chrono>
#include <string>

#include "media/video_facts.hpp"
#include "model/error.hpp"

namespace keiji::media {

// What the kiosk plays well: the screen's size, and the largest picture its decoder takes.
struct VideoLimits {
    int screen_width = 1920;
    int screen_height = 1080;
    // Software decoding of H.264 at 4K30 takes both cores of a small kiosk; beyond, none can.
    int decoder_width = 3840;
    int decoder_height = 2160;
    double max_frame_rate = 60.0;
};

// How the item uses the video: the slot's length, and whether the video plays to its end.
struct VideoSlot {
    std::chrono::seconds length{0};  // 0: the item plays the video to its end.
    bool loops = false;              // The video starts again until the slot is over.
};

// The problems staff are told about a video, in Japanese and English, each with the ffmpeg
// command that makes a file the kiosk plays well (the same command for all of them: one
// conversion fixes every problem it names). Errors: the screen cannot play it (no decoder, a
// picture larger than the decoder takes). Warnings: it plays, but badly or not as meant
// (colour depth or chroma only software decodes, larger than the screen, a variable frame
// rate, a frame rate above the limit, a length that does not fit the slot).
[[nodiscard]] model::Errors check_video(const VideoFacts& facts, const VideoLimits& limits,
                                        const VideoSlot& slot, const std::string& file);

// The ffmpeg command that converts `file` into H.264 (High, 8-bit 4:2:0) at most the screen's
// size, at a constant frame rate, with its index at the front (it starts playing before it is
// read to the end), into `file`'s name with "-kiosk.mp4".
[[nodiscard]] std::string conversion_command(const VideoFacts& facts, const VideoLimits& limits,
                                             const std::string& file);

}  // namespace keiji::media
