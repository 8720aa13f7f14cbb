// What probe_video reads from real files made by ffmpeg: H.264, H.265 10-bit, VP9, a variable
// frame rate, 4K, and files that are cut short, not video, or noise.
#include "media/video_probe.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <vector>

#include "media/video_checks.hpp"
#include "test_videos.hpp"

using namespace keiji;
using keiji::test::test_video;

namespace {

std::vector<std::uint8_t> bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string written(const std::string& name, const std::vector<std::uint8_t>& bytes) {
    const std::string path = keiji::test::binary_path("tests/media/videos/" + name);
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    return path;
}

}  // namespace

TEST_CASE("video probe: H.264 in MP4, what the kiosk plays best") {
    const auto facts = media::probe_video(test::small_h264());
    REQUIRE_MESSAGE(facts.has_value(), facts.error().text());
    CHECK(facts->container.find("mp4") != std::string::npos);
    CHECK(facts->codec == "h264");
    CHECK(facts->decoder_available);
    CHECK(facts->width == 320);
    CHECK(facts->height == 180);
    CHECK(facts->pixel_format == "yuv420p");
    CHECK(facts->bits_per_sample == 8);
    CHECK(facts->chroma_420);
    CHECK(facts->frame_rate == doctest::Approx(30.0).epsilon(0.01));
    CHECK_FALSE(facts->variable_frame_rate);
    CHECK(facts->duration.count() == doctest::Approx(2000).epsilon(0.05));
    CHECK(facts->has_audio);
    // Played in a 2 s slot on a 1080p screen: nothing to say.
    CHECK(media::check_video(*facts, {}, {std::chrono::seconds{2}, false}, "a.mp4").empty());
}

TEST_CASE("video probe: the same file read from memory gives the same facts") {
    const std::string path = test::small_h264();
    const auto from_file = media::probe_video(path);
    const std::vector<std::uint8_t> bytes = bytes_of(path);
    const auto from_memory = media::probe_video_bytes(bytes);
    REQUIRE(from_file.has_value());
    REQUIRE(from_memory.has_value());
    CHECK(from_memory->codec == from_file->codec);
    CHECK(from_memory->width == from_file->width);
    CHECK(from_memory->duration == from_file->duration);
    CHECK(from_memory->variable_frame_rate == from_file->variable_frame_rate);
}

TEST_CASE("video probe: H.265 at 10 bits plays only in software, and the command converts it") {
    const std::string path = test_video(
        "hevc-10bit.mp4",
        "-f lavfi -i testsrc2=size=320x180:rate=25:duration=1 -c:v libx265 -preset ultrafast "
        "-x265-params log-level=none -pix_fmt yuv420p10le -tag:v hvc1");
    const auto facts = media::probe_video(path);
    REQUIRE_MESSAGE(facts.has_value(), facts.error().text());
    CHECK(facts->codec == "hevc");
    CHECK(facts->profile == "Main 10");
    CHECK(facts->bits_per_sample == 10);
    CHECK_FALSE(facts->has_audio);
    const model::Errors problems = media::check_video(*facts, {}, {}, path);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == model::Severity::warning);
    CHECK(problems[0].message.en.find("10-bit") != std::string::npos);
    CHECK(problems[0].message.ja.find("ソフトウェア") != std::string::npos);
    CHECK(problems[0].message.en.find("-pix_fmt yuv420p -an") != std::string::npos);
}

TEST_CASE("video probe: VP9 in WebM") {
    const std::string path =
        test_video("vp9.webm",
                   "-f lavfi -i testsrc2=size=320x180:rate=30:duration=1 -c:v libvpx-vp9 "
                   "-deadline realtime -cpu-used 8 -b:v 200k");
    const auto facts = media::probe_video(path);
    REQUIRE_MESSAGE(facts.has_value(), facts.error().text());
    CHECK(facts->container.find("webm") != std::string::npos);
    CHECK(facts->codec == "vp9");
    CHECK(facts->decoder_available);
    CHECK_FALSE(facts->variable_frame_rate);
}

TEST_CASE("video probe: frames dropped unevenly are a variable frame rate") {
    // Every third frame dropped, the others keeping their times: gaps of one and two frames.
    const std::string path = test_video(
        "variable-rate.mp4",
        "-f lavfi -i testsrc2=size=320x180:rate=30:duration=3 -vf \"select='mod(n\\,3)'\" "
        "-fps_mode vfr -c:v libx264 -preset ultrafast -pix_fmt yuv420p");
    const auto facts = media::probe_video(path);
    REQUIRE_MESSAGE(facts.has_value(), facts.error().text());
    CHECK(facts->variable_frame_rate);
    const model::Errors problems = media::check_video(*facts, {}, {}, path);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.en.find("frame rate varies") != std::string::npos);
    CHECK(problems[0].message.en.find("fps=") != std::string::npos);
}

TEST_CASE("video probe: 4K is larger than a 1080p screen, and than a 1080p decoder") {
    const std::string path =
        test_video("h264-4k.mp4",
                   "-f lavfi -i testsrc2=size=3840x2160:rate=30:duration=1 -frames:v 8 "
                   "-c:v libx264 -preset ultrafast -pix_fmt yuv420p");
    const auto facts = media::probe_video(path);
    REQUIRE_MESSAGE(facts.has_value(), facts.error().text());
    CHECK(facts->width == 3840);
    CHECK(facts->height == 2160);
    model::Errors problems = media::check_video(*facts, {}, {}, path);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == model::Severity::warning);
    CHECK(problems[0].message.en.find("scale=w=1920:h=1080") != std::string::npos);
    media::VideoLimits small_decoder;
    small_decoder.decoder_width = 1920;
    small_decoder.decoder_height = 1080;
    problems = media::check_video(*facts, small_decoder, {}, path);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == model::Severity::error);
}

TEST_CASE("video probe: a file cut short, a photo and noise are refused in one line") {
    // Without +faststart the index (moov) is written last: half the file has none.
    std::vector<std::uint8_t> bytes = bytes_of(test::small_h264(3));
    bytes.resize(bytes.size() / 2);
    const auto truncated = media::probe_video(written("truncated.mp4", bytes));
    REQUIRE_FALSE(truncated.has_value());
    CHECK(truncated.error().message.ja.find("壊れて") != std::string::npos);

    const auto photo = media::probe_video(keiji::test::source_path("playlists/images/gujo.png"));
    REQUIRE_FALSE(photo.has_value());
    CHECK(photo.error().text().find("not a video") != std::string::npos);

    std::mt19937 random(20261130);
    std::vector<std::uint8_t> noise(200000);
    for (auto& byte : noise) {
        byte = std::uint8_t(random());
    }
    CHECK_FALSE(media::probe_video_bytes(noise).has_value());
    CHECK_FALSE(media::probe_video("/nonexistent/keiji/video.mp4").has_value());
}
