#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "media/video_facts.hpp"
#include "model/error.hpp"

namespace keiji::media {

// Reads what a video file is (FFmpeg's libavformat and libavcodec): its container and codec,
// picture size, pixel format, frame rate and whether it varies (from the spacing of its first
// packets), length, audio; and decodes its first frame, as the screen would before showing it.
// Only the containers a kiosk plays are opened (MP4/MOV, Matroska/WebM); anything else, a
// file cut short, damaged or hostile (an absurd picture size in its header) is a failure with
// one line that says why, and no allocation passes 512 MiB.
[[nodiscard]] model::Result<VideoFacts> probe_video(const std::string& path);
// The same for a file already in memory (uploads, and the fuzz target).
[[nodiscard]] model::Result<VideoFacts> probe_video_bytes(std::span<const std::uint8_t> bytes);

}  // namespace keiji::media
