// The decoder hands over every picture once, in order, at its time; converts what renderers
// do not take; loops without a gap in time; and ends a file cut short with its reason.
#include "media/video_decoder.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include "test_videos.hpp"

using namespace keiji;
using namespace std::chrono_literals;
using std::chrono::microseconds;

namespace {

std::unique_ptr<media::VideoDecoder> open(const std::string& path,
                                          media::DecoderOptions options = {}) {
    auto decoder = media::VideoDecoder::open(path, options);
    REQUIRE_MESSAGE(decoder.has_value(), decoder.error().text());
    return std::move(*decoder);
}

// Every frame the decoder gives until it ends (at most `limit`).
std::vector<media::VideoFrame> all_frames(media::VideoDecoder& decoder, std::size_t limit = 1000) {
    std::vector<media::VideoFrame> frames;
    while (frames.size() < limit) {
        auto frame = decoder.next_frame(5000ms);
        if (!frame) {
            break;
        }
        frames.push_back(std::move(*frame));
    }
    return frames;
}

// The picture is not flat: testsrc2's bars and gradients vary along a row of Y.
bool has_picture(const media::VideoFrame& frame) {
    const std::uint8_t* row = frame.plane(0) + frame.pitch(0) * (frame.height() / 2);
    int lowest = 255;
    int highest = 0;
    for (int x = 0; x < frame.width(); ++x) {
        lowest = std::min(lowest, int(row[x]));
        highest = std::max(highest, int(row[x]));
    }
    return highest - lowest > 64;
}

}  // namespace

TEST_CASE("video decoder: 2 s at 30 fps is 60 pictures, 1/30 s apart, none twice") {
    auto decoder = open(test::small_h264());
    const auto frames = all_frames(*decoder);
    REQUIRE(frames.size() == 60);
    for (std::size_t i = 0; i < frames.size(); ++i) {
        CAPTURE(i);
        CHECK(frames[i].layout() == media::VideoFrame::Layout::i420);
        CHECK(frames[i].width() == 320);
        CHECK(frames[i].height() == 180);
        const auto expected = microseconds(std::int64_t(i) * 1'000'000 / 30);
        CHECK(std::abs((frames[i].time() - expected).count()) <= 1000);
    }
    CHECK(has_picture(frames.front()));
    CHECK(decoder->finished());
    CHECK_FALSE(decoder->problem().has_value());
}

TEST_CASE("video decoder: a frame is handed over when it is due, the late ones dropped") {
    auto decoder = open(test::small_h264());
    // The first picture is decoded a moment after opening.
    auto first = decoder->frame_at(0us);
    for (int i = 0; i < 100 && !first; ++i) {
        (void)decoder->next_due();
        std::this_thread::sleep_for(10ms);
        first = decoder->frame_at(0us);
    }
    REQUIRE(first.has_value());
    CHECK(first->time() == 0us);
    CHECK_FALSE(decoder->frame_at(20ms).has_value());  // The next is due at 33 ms.
    for (int i = 0; i < 100 && !decoder->next_due(); ++i) {
        std::this_thread::sleep_for(10ms);
    }
    REQUIRE(decoder->next_due().has_value());
    CHECK(std::abs((*decoder->next_due() - 33'333us).count()) <= 1000);
    // Far behind: the latest due of those decoded comes, the ones before it are dropped.
    std::this_thread::sleep_for(100ms);
    const auto late = decoder->frame_at(10s);
    REQUIRE(late.has_value());
    CHECK(decoder->frames_dropped() >= 1);
    CHECK(late->time() > 33'333us);
}

TEST_CASE("video decoder: 10-bit H.265 comes out as 8-bit I420 any renderer takes") {
    const std::string path = test::test_video(
        "hevc-10bit.mp4",
        "-f lavfi -i testsrc2=size=320x180:rate=25:duration=1 -c:v libx265 -preset ultrafast "
        "-x265-params log-level=none -pix_fmt yuv420p10le -tag:v hvc1");
    auto decoder = open(path);
    const auto frames = all_frames(*decoder);
    REQUIRE(frames.size() == 25);
    CHECK(frames[0].layout() == media::VideoFrame::Layout::i420);
    CHECK(has_picture(frames[0]));
    CHECK(std::abs((frames[24].time() - 960ms).count()) <= 1000);
}

TEST_CASE("video decoder: a loop starts again at once, its times going on") {
    const std::string path =
        test::test_video("vp9.webm",
                         "-f lavfi -i testsrc2=size=320x180:rate=30:duration=1 -c:v libvpx-vp9 "
                         "-deadline realtime -cpu-used 8 -b:v 200k");
    auto decoder = open(path, {.loop = true});
    const auto frames = all_frames(*decoder, 75);
    REQUIRE(frames.size() == 75);
    for (std::size_t i = 1; i < frames.size(); ++i) {
        CAPTURE(i);
        const auto gap = frames[i].time() - frames[i - 1].time();
        CHECK(std::abs((gap - 33'333us).count()) <= 1500);  // No gap at the loop's seam.
    }
    CHECK_FALSE(decoder->finished());
}

TEST_CASE("video decoder: a file cut short plays what it has and says why it ended") {
    const std::string whole =
        test::test_video("h264-3s-faststart.mp4",
                         "-f lavfi -i testsrc2=size=320x180:rate=30:duration=3 "
                         "-c:v libx264 -preset ultrafast -pix_fmt yuv420p "
                         "-movflags +faststart");
    std::ifstream in(whole, std::ios::binary);
    std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    bytes.resize(bytes.size() / 2);
    const std::string cut = test::binary_path("tests/media/videos/cut-faststart.mp4");
    std::ofstream(cut, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
    auto decoder = open(cut);
    const auto frames = all_frames(*decoder);
    CHECK(frames.size() > 10);
    CHECK(frames.size() < 90);
    CHECK(decoder->finished());
    const auto problem = decoder->problem();
    REQUIRE(problem.has_value());
    CHECK_MESSAGE(problem->text().find("ends early") != std::string::npos, problem->text());

    CHECK_FALSE(
        media::VideoDecoder::open(test::source_path("playlists/images/gujo.png")).has_value());
}

TEST_CASE("video decoder: without a GPU that decodes, it says so and decodes in software") {
    SUBCASE("no render node at the path") {
        auto decoder = open(test::small_h264(), {.render_node = "/nonexistent/renderD128"});
        CHECK(
            decoder->decoding().starts_with("software, a thread per core (VA-API on "
                                            "/nonexistent/renderD128 does not open"));
        CHECK(all_frames(*decoder).size() == 60);
    }
    SUBCASE("a device that is not a GPU") {
        auto decoder = open(test::small_h264(), {.render_node = "/dev/null"});
        CHECK(decoder->decoding().contains("VA-API on /dev/null does not open"));
        CHECK(all_frames(*decoder).size() == 60);
    }
    SUBCASE("software asked for") {
        auto decoder = open(test::small_h264(), {.decoding = media::Decoding::software});
        CHECK(decoder->decoding() ==
              "software, a thread per core (software decoding was asked for)");
    }
    SUBCASE("this machine") {
        auto decoder = open(test::small_h264());
        const bool gpu = !media::first_render_node().empty();
        MESSAGE("decoding here: ", decoder->decoding());
        if (!gpu) {
            CHECK(decoder->decoding().contains("no VA-API render node"));
        }
        const auto frames = all_frames(*decoder);
        REQUIRE(frames.size() == 60);
        CHECK(has_picture(frames[30]));
    }
}
