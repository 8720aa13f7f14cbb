// libFuzzer target: what the screen and validate do first with a video file (media::probe_video:
// open the container, read its streams and first packets, decode the first picture). Videos
// arrive from staff and from the feed; whatever their bytes, the probe must end with facts or
// a failure, within FFmpeg's allocation limit, and what it accepts must make sense.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "media/video_probe.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto facts = keiji::media::probe_video_bytes(std::span<const std::uint8_t>(data, size));
    if (facts && (facts->width < 0 || facts->height < 0 || facts->duration.count() < 0)) {
        std::abort();
    }
    return 0;
}
