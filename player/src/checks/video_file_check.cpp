#include "checks/video_file_check.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <utility>
#include <vector>

#include "media/video_checks.hpp"
#include "media/video_probe.hpp"

namespace keiji::checks {

namespace {

std::string lowercase(std::string text) {
    std::ranges::transform(text, text.begin(),
                           [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

// FFmpeg's codec names as staff know them.
std::string codec_title(const std::string& codec) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> titles{
        {{"h264", "H.264"}, {"hevc", "H.265"}, {"vp9", "VP9"}, {"vp8", "VP8"}, {"av1", "AV1"}}};
    const auto found =
        std::ranges::find_if(titles, [&](const auto& title) { return title.first == codec; });
    return std::string(found != titles.end() ? found->second : std::string_view(codec));
}

}  // namespace

bool is_video_file(const std::filesystem::path& path) {
    static constexpr std::array extensions{".mp4", ".m4v", ".mov", ".mkv", ".webm"};
    const std::string extension = lowercase(path.extension().string());
    return std::ranges::find(extensions, extension) != extensions.end();
}

VideoReport validate_video_file(const std::filesystem::path& path, const ScreenUnderCheck& screen,
                                Strictness strictness) {
    VideoReport video{.report = FileReport{.file = path.string()}, .facts = std::nullopt};
    auto facts = media::probe_video(path.string());
    if (!facts) {
        model::Error problem = std::move(facts.error());
        problem.where.file = path.string();
        video.report.problems.push_back(std::move(problem));
        return video;
    }
    video.report.parsed = true;
    media::VideoLimits limits;
    limits.screen_width = screen.frame.width;
    limits.screen_height = screen.frame.height;
    // No item plays it yet: the length fits whatever slot (media::VideoSlot{} plays to the end).
    video.report.problems = media::check_video(*facts, limits, {}, path.string());
    if (strictness == Strictness::warnings_fail) {
        for (model::Error& problem : video.report.problems) {
            problem.severity = model::Severity::error;
        }
    }
    video.facts = std::move(*facts);
    return video;
}

std::string describe_video(const media::VideoFacts& facts, std::string_view language) {
    const bool japanese = language.starts_with("ja");
    std::vector<std::string> parts;
    parts.push_back(codec_title(facts.codec) +
                    (facts.profile.empty() ? "" : " (" + facts.profile + ")"));
    parts.push_back(fmt::format("{}×{}", facts.width, facts.height));
    const std::string sampling = facts.chroma_420 ? "4:2:0" : facts.pixel_format;
    parts.push_back(japanese ? fmt::format("{} ビット {}", facts.bits_per_sample, sampling)
                             : fmt::format("{}-bit {}", facts.bits_per_sample, sampling));
    if (facts.frame_rate > 0.0) {
        parts.push_back(fmt::format("{:.2f} fps", facts.frame_rate) +
                        (facts.variable_frame_rate ? (japanese ? "（可変）" : " (varying)") : ""));
    }
    if (facts.duration.count() > 0) {
        const double seconds = double(facts.duration.count()) / 1000.0;
        parts.push_back(japanese ? fmt::format("{:.1f} 秒", seconds)
                                 : fmt::format("{:.1f} s", seconds));
    }
    parts.push_back(japanese ? (facts.has_audio ? "音声あり" : "音声なし")
                             : (facts.has_audio ? "with sound" : "no sound"));
    return fmt::format("{}", fmt::join(parts, japanese ? "、" : ", "));
}

}  // namespace keiji::checks
