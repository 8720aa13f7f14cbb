#include "media/video_checks.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <vector>

namespace keiji::media {

namespace {

// Safe to paste into a shell: inside single quotes, a quote is closed, escaped and reopened.
std::string shell_quoted(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

std::string seconds_text(std::chrono::milliseconds length) {
    return fmt::format("{:.1f}", double(length.count()) / 1000.0);
}

bool larger_than(const VideoFacts& facts, int width, int height) {
    return facts.width > width || facts.height > height;
}

// The frame rate the conversion keeps: the video's own when even and not too high, else the
// nearest whole rate the screen shows (30 when the file does not say).
int target_frame_rate(const VideoFacts& facts, const VideoLimits& limits) {
    const double rate = facts.frame_rate > 0.0 ? facts.frame_rate : 30.0;
    return int(std::lround(std::min(rate, limits.max_frame_rate)));
}

bool needs_new_rate(const VideoFacts& facts, const VideoLimits& limits) {
    return facts.variable_frame_rate || facts.frame_rate > limits.max_frame_rate + 0.01;
}

}  // namespace

std::string conversion_command(const VideoFacts& facts, const VideoLimits& limits,
                               const std::string& file) {
    const std::filesystem::path source(file);
    const std::filesystem::path converted =
        source.parent_path() / (source.stem().string() + "-kiosk.mp4");
    std::vector<std::string> filters;
    if (larger_than(facts, limits.screen_width, limits.screen_height)) {
        filters.push_back(
            fmt::format("scale=w={}:h={}:force_original_aspect_ratio=decrease:force_divisible_by=2",
                        limits.screen_width, limits.screen_height));
    }
    if (needs_new_rate(facts, limits)) {
        filters.push_back(fmt::format("fps={}", target_frame_rate(facts, limits)));
    }
    std::string command = fmt::format("ffmpeg -i {} -c:v libx264 -profile:v high -pix_fmt yuv420p",
                                      shell_quoted(file));
    if (!filters.empty()) {
        command += " -vf " + shell_quoted(fmt::format("{}", fmt::join(filters, ",")));
    }
    command += facts.has_audio ? " -c:a aac -b:a 128k" : " -an";
    return command + " -movflags +faststart " + shell_quoted(converted.string());
}

model::Errors check_video(const VideoFacts& facts, const VideoLimits& limits, const VideoSlot& slot,
                          const std::string& file) {
    model::Errors problems;
    const std::string command = conversion_command(facts, limits, file);
    const auto add = [&](model::Severity severity, std::string en, std::string ja,
                         bool with_command = true) {
        model::Error problem = model::error(
            with_command ? en + "; convert it with: " + command : std::move(en),
            with_command ? ja + "。次のコマンドで変換してください: " + command : std::move(ja));
        problem.severity = severity;
        problem.where.file = file;
        problems.push_back(std::move(problem));
    };
    if (!facts.decoder_available) {
        add(model::Severity::error,
            fmt::format("the video is {}, which this screen cannot decode", facts.codec),
            fmt::format("この動画の形式（{}）は画面で再生できません", facts.codec));
        return problems;
    }
    if (larger_than(facts, limits.decoder_width, limits.decoder_height)) {
        add(model::Severity::error,
            fmt::format("the picture is {}×{}, larger than the screen can decode ({}×{})",
                        facts.width, facts.height, limits.decoder_width, limits.decoder_height),
            fmt::format("動画の大きさ {}×{} は、画面が再生できる大きさ（{}×{}）を超えています",
                        facts.width, facts.height, limits.decoder_width, limits.decoder_height));
    } else if (larger_than(facts, limits.screen_width, limits.screen_height)) {
        add(model::Severity::warning,
            fmt::format("the picture is {}×{}, larger than the screen ({}×{}): decoding what "
                        "is never seen costs the kiosk's CPU",
                        facts.width, facts.height, limits.screen_width, limits.screen_height),
            fmt::format("動画の大きさ {}×{} は画面（{}×{}）より大きく、見えない部分の処理に"
                        "負荷がかかります",
                        facts.width, facts.height, limits.screen_width, limits.screen_height));
    }
    if (facts.bits_per_sample > 8 || !facts.chroma_420) {
        add(model::Severity::warning,
            fmt::format("the video is {} ({}-bit{}): kiosks decode it only in software, slowly, "
                        "and it may stutter",
                        facts.pixel_format, facts.bits_per_sample,
                        facts.chroma_420 ? "" : ", full colour resolution"),
            fmt::format("この動画の画素形式（{}、{} ビット）はソフトウェアでしか再生できず、"
                        "動きが止まることがあります",
                        facts.pixel_format, facts.bits_per_sample));
    }
    if (facts.variable_frame_rate) {
        add(model::Severity::warning,
            "the frame rate varies (a phone or a screen recording): frames cannot be shown "
            "evenly and motion stutters",
            "フレームレートが一定ではありません（スマートフォンや画面の録画など）。"
            "動きがぎこちなくなります");
    } else if (facts.frame_rate > limits.max_frame_rate + 0.01) {
        add(model::Severity::warning,
            fmt::format("the video has {:.0f} frames a second, more than the screen shows ({:.0f})",
                        facts.frame_rate, limits.max_frame_rate),
            fmt::format("動画は毎秒 {:.0f} コマで、画面が表示できる数（{:.0f}）より多いです",
                        facts.frame_rate, limits.max_frame_rate));
    }
    const auto slot_length = std::chrono::duration_cast<std::chrono::milliseconds>(slot.length);
    const auto slack = std::chrono::milliseconds{1000};
    if (facts.duration.count() == 0) {
        add(model::Severity::warning,
            "the file does not say how long the video is: the item's slot cannot be checked",
            "動画の長さがファイルに書かれていないため、表示時間と合うか確かめられません", false);
    } else if (slot.length.count() > 0 && !slot.loops && facts.duration > slot_length + slack) {
        add(model::Severity::warning,
            fmt::format("the video lasts {} s, longer than the item's {} s: its end is cut off "
                        "(play it to the end, or make the item longer)",
                        seconds_text(facts.duration), slot.length.count()),
            fmt::format("動画の長さ {} 秒は、項目の表示時間 {} 秒より長く、最後が切れます"
                        "（最後まで再生する設定にするか、表示時間を延ばしてください）",
                        seconds_text(facts.duration), slot.length.count()),
            false);
    } else if (slot.length.count() > 0 && !slot.loops && facts.duration + slack < slot_length) {
        add(model::Severity::warning,
            fmt::format("the video lasts {} s, shorter than the item's {} s: its last frame stays "
                        "still until the slot ends (loop it, or make the item shorter)",
                        seconds_text(facts.duration), slot.length.count()),
            fmt::format("動画の長さ {} 秒は、項目の表示時間 {} 秒より短く、最後の画面が止まった"
                        "まま残ります（繰り返し再生にするか、表示時間を短くしてください）",
                        seconds_text(facts.duration), slot.length.count()),
            false);
    }
    return problems;
}

}  // namespace keiji::media
