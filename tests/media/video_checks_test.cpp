// What staff are told about a video, from its facts alone.
#include "media/video_checks.hpp"

#include <doctest/doctest.h>

using namespace keiji;
using namespace std::chrono_literals;

namespace {

media::VideoFacts good_video() {
    media::VideoFacts facts;
    facts.container = "mov,mp4,m4a,3gp,3g2,mj2";
    facts.codec = "h264";
    facts.profile = "High";
    facts.decoder_available = true;
    facts.width = 1920;
    facts.height = 1080;
    facts.pixel_format = "yuv420p";
    facts.frame_rate = 29.97;
    facts.duration = 30000ms;
    facts.has_audio = true;
    return facts;
}

}  // namespace

TEST_CASE("video checks: a 1080p H.264 film of 30 s in a 30 s slot is fine") {
    CHECK(media::check_video(good_video(), {}, {30s, false}, "shotengai.mp4").empty());
    CHECK(media::check_video(good_video(), {}, {0s, false}, "shotengai.mp4").empty());
    CHECK(media::check_video(good_video(), {}, {90s, true}, "shotengai.mp4").empty());
}

TEST_CASE("video checks: a codec without a decoder is an error, and says nothing more") {
    media::VideoFacts facts = good_video();
    facts.codec = "prores";
    facts.decoder_available = false;
    facts.variable_frame_rate = true;
    const model::Errors problems = media::check_video(facts, {}, {}, "edit.mov");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == model::Severity::error);
    CHECK(problems[0].where.file == "edit.mov");
    CHECK(problems[0].message.en.find("prores") != std::string::npos);
    CHECK(problems[0].message.ja.find("再生できません") != std::string::npos);
    CHECK(problems[0].message.ja.find("ffmpeg -i 'edit.mov'") != std::string::npos);
}

TEST_CASE("video checks: a film longer than its slot is cut, a shorter one stands still") {
    media::VideoFacts facts = good_video();
    facts.duration = 45500ms;
    model::Errors problems = media::check_video(facts, {}, {30s, false}, "a.mp4");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == model::Severity::warning);
    CHECK(problems[0].message.en.find("45.5 s, longer than the item's 30 s") != std::string::npos);
    CHECK(problems[0].message.en.find("ffmpeg") == std::string::npos);
    facts.duration = 12000ms;
    problems = media::check_video(facts, {}, {30s, false}, "a.mp4");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.ja.find("止まった") != std::string::npos);
    // Within a second either way, or looping: fine.
    facts.duration = 30800ms;
    CHECK(media::check_video(facts, {}, {30s, false}, "a.mp4").empty());
    facts.duration = 12000ms;
    CHECK(media::check_video(facts, {}, {30s, true}, "a.mp4").empty());
    // A container that does not say how long: said once, without a command.
    facts.duration = 0ms;
    problems = media::check_video(facts, {}, {30s, false}, "a.mp4");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.en.find("does not say how long") != std::string::npos);
}

TEST_CASE("video checks: one command fixes every problem it names, and is safe to paste") {
    media::VideoFacts facts = good_video();
    facts.width = 3840;
    facts.height = 2160;
    facts.frame_rate = 120.0;
    facts.has_audio = false;
    const std::string command =
        media::conversion_command(facts, {}, "/srv/videos/商店街's best.MOV");
    CHECK(command ==
          "ffmpeg -i '/srv/videos/商店街'\\''s best.MOV' -c:v libx264 -profile:v high "
          "-pix_fmt yuv420p -vf "
          "'scale=w=1920:h=1080:force_original_aspect_ratio=decrease:force_divisible_by=2,fps=60' "
          "-an -movflags +faststart '/srv/videos/商店街'\\''s best-kiosk.mp4'");
    const model::Errors problems = media::check_video(facts, {}, {}, "x.mov");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].message.en.find("larger than the screen (1920×1080)") != std::string::npos);
    CHECK(problems[1].message.en.find("120 frames a second") != std::string::npos);
}
