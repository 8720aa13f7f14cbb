#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "checks/check_renderer.hpp"
#include "checks/validate.hpp"
#include "media/video_facts.hpp"

namespace keiji::checks {

// A film by its name (.mp4, .m4v, .mov, .mkv, .webm): `keiji validate` checks it as a video,
// not as a playlist.
[[nodiscard]] bool is_video_file(const std::filesystem::path& path);

// What `keiji validate FILM.mp4` finds: the file opened as the screen would open it (media::
// probe_video, first picture included), and what the kiosk makes of it on `screen`
// (media::check_video: a codec it cannot decode, a picture too large, a varying frame rate…,
// each with the ffmpeg command that converts it). Its length is not checked: no item says yet
// how long the film plays.
struct VideoReport {
    FileReport report;
    std::optional<media::VideoFacts> facts;  // None when the file could not be opened.
};
[[nodiscard]] VideoReport validate_video_file(const std::filesystem::path& path,
                                              const ScreenUnderCheck& screen,
                                              Strictness strictness = Strictness::warnings_pass);

// The facts in one line for staff: "H.264 (High), 1920×1080, 8-bit 4:2:0, 29.97 fps, 30.0 s,
// with sound"; "H.264 (High)、1920×1080、8 ビット 4:2:0、29.97 fps、30.0 秒、音声あり" in Japanese.
[[nodiscard]] std::string describe_video(const media::VideoFacts& facts, std::string_view language);

}  // namespace keiji::checks
