// The black / frozen frame self-check with synthetic frames and a time that only moves when told.
#include "play/frame_watch.hpp"

#include <doctest/doctest.h>

using namespace keiji;
using namespace std::chrono;
using play::FrameExpectation;
using play::FrameProblem;
using play::FrameSample;
using play::FrameWatch;

namespace {

constexpr int sample_width = 16;
constexpr int sample_height = 9;

FrameSample uniform(std::uint8_t level) {
    return FrameSample{sample_width, sample_height,
                       std::vector<std::uint8_t>(sample_width * sample_height, level)};
}

// A light slide with one darker cell at `mark`: different marks are different slides.
FrameSample slide(int mark) {
    FrameSample sample = uniform(230);
    sample.luma[std::size_t(mark) % sample.luma.size()] = 40;
    return sample;
}

FrameExpectation showing(const std::string& picture) {
    return FrameExpectation{.picture = picture};
}

const FrameWatch::Clock::time_point t0{};

}  // namespace

TEST_CASE("frame watch: samples a new picture, but never more often than the minimum interval") {
    FrameWatch watch;  // 3 s minimum, 60 s still recheck.
    CHECK(watch.wants_sample("a", t0));
    (void)watch.judge(slide(1), showing("a"), t0);
    CHECK_FALSE(watch.wants_sample("b", t0 + 2s));
    CHECK(watch.wants_sample("b", t0 + 3s));
}

TEST_CASE("frame watch: a still slide is looked at once a minute, not at every clock redraw") {
    FrameWatch watch;
    (void)watch.judge(slide(1), showing("a"), t0);
    CHECK_FALSE(watch.wants_sample("a", t0 + 3s));
    CHECK_FALSE(watch.wants_sample("a", t0 + 59s));
    CHECK(watch.wants_sample("a", t0 + 60s));
}

TEST_CASE("frame watch: a still slide that stays identical is not frozen") {
    FrameWatch watch;
    for (int minute = 0; minute < 10; ++minute) {
        const auto verdict = watch.judge(slide(1), showing("a"), t0 + minutes(minute));
        CHECK(verdict.problem == FrameProblem::none);
        CHECK_FALSE(verdict.recover);
    }
}

TEST_CASE("frame watch: changing pictures with changing frames are fine") {
    FrameWatch watch;
    for (int turn = 0; turn < 6; ++turn) {
        const auto verdict =
            watch.judge(slide(turn), showing(turn % 2 ? "a" : "b"), t0 + seconds(10 * turn));
        CHECK(verdict.problem == FrameProblem::none);
    }
}

TEST_CASE(
    "frame watch: a frame that does not change when the picture must is frozen, recovered "
    "on the second time in a row") {
    FrameWatch watch;
    (void)watch.judge(slide(1), showing("a"), t0);
    auto verdict = watch.judge(slide(1), showing("b"), t0 + 10s);
    CHECK(verdict.problem == FrameProblem::frozen);
    CHECK(verdict.reason.find("\"b\" replaced \"a\"") != std::string::npos);
    CHECK_FALSE(verdict.recover);  // One odd sample is not enough.
    // The suspicion asks for a sample at the next chance, even of the same picture.
    CHECK(watch.wants_sample("b", t0 + 13s));
    verdict = watch.judge(slide(1), showing("c"), t0 + 20s);
    CHECK(verdict.problem == FrameProblem::frozen);
    CHECK(verdict.recover);
}

TEST_CASE("frame watch: one identical pair between changing frames clears itself") {
    FrameWatch watch;
    (void)watch.judge(slide(1), showing("a"), t0);
    CHECK(watch.judge(slide(1), showing("b"), t0 + 10s).problem == FrameProblem::frozen);
    const auto verdict = watch.judge(slide(2), showing("c"), t0 + 20s);
    CHECK(verdict.problem == FrameProblem::none);
    CHECK_FALSE(watch.judge(slide(2), showing("d"), t0 + 30s).recover);
}

TEST_CASE("frame watch: a still slide in between neither confirms nor clears a frozen suspicion") {
    FrameWatch watch;
    (void)watch.judge(slide(1), showing("a"), t0);
    CHECK(watch.judge(slide(1), showing("b"), t0 + 10s).problem == FrameProblem::frozen);
    CHECK(watch.judge(slide(1), showing("b"), t0 + 20s).problem == FrameProblem::none);
    CHECK(watch.judge(slide(1), showing("c"), t0 + 30s).recover);
}

TEST_CASE(
    "frame watch: a black frame where content should be is found, and recovered when it "
    "stays") {
    FrameWatch watch;
    (void)watch.judge(slide(1), showing("a"), t0);
    auto verdict = watch.judge(uniform(0), showing("a"), t0 + 60s);
    CHECK(verdict.problem == FrameProblem::black);
    CHECK(verdict.reason.find("black") != std::string::npos);
    CHECK_FALSE(verdict.recover);
    // A still slide gone black is looked at again soon, not in a minute.
    CHECK_FALSE(watch.wants_sample("a", t0 + 62s));
    CHECK(watch.wants_sample("a", t0 + 63s));
    verdict = watch.judge(uniform(3), showing("a"), t0 + 63s);
    CHECK(verdict.problem == FrameProblem::black);
    CHECK(verdict.recover);
}

TEST_CASE("frame watch: near-black is black, a dark slide with anything light on it is not") {
    FrameWatch watch;
    CHECK(watch.judge(uniform(16), showing("a"), t0).problem == FrameProblem::black);
    FrameSample dark = uniform(5);
    dark.luma[40] = 17;  // One cell of a headline or a header.
    CHECK(watch.judge(dark, showing("b"), t0 + 10s).problem == FrameProblem::none);
}

TEST_CASE("frame watch: a screen black on purpose (closed, outside hours: blank) is fine") {
    FrameWatch watch;
    const FrameExpectation closed{.picture = "", .dark_on_purpose = true};
    for (int turn = 0; turn < 4; ++turn) {
        const auto verdict = watch.judge(uniform(0), closed, t0 + minutes(turn));
        CHECK(verdict.problem == FrameProblem::none);
        CHECK_FALSE(verdict.recover);
    }
}

TEST_CASE("frame watch: an empty sample counts as black") {
    FrameWatch watch;
    CHECK(watch.judge(FrameSample{}, showing("a"), t0).problem == FrameProblem::black);
}

TEST_CASE("frame watch: after a recovery the next one waits, and the wait doubles") {
    FrameWatch::Settings settings;
    settings.first_backoff = 60s;
    settings.max_backoff = 150s;
    FrameWatch watch(settings);
    auto black_twice = [&watch](FrameWatch::Clock::time_point at) {
        (void)watch.judge(uniform(0), showing("a"), at);
        return watch.judge(uniform(0), showing("a"), at + 3s);
    };
    REQUIRE(black_twice(t0).recover);
    watch.recovered(t0 + 3s);
    // The rebuilt screen is sampled at once.
    CHECK(watch.wants_sample("a", t0 + 3s));

    // Still black: reported, but no recovery within 60 s of the last.
    auto verdict = black_twice(t0 + 10s);
    CHECK(verdict.problem == FrameProblem::black);
    CHECK_FALSE(verdict.recover);
    verdict = watch.judge(uniform(0), showing("a"), t0 + 63s);
    CHECK(verdict.recover);
    watch.recovered(t0 + 63s);

    // The second wait is 120 s, the third is capped at 150 s.
    CHECK_FALSE(black_twice(t0 + 63s + 100s).recover);
    CHECK(black_twice(t0 + 63s + 120s).recover);
    watch.recovered(t0 + 200s);
    CHECK_FALSE(black_twice(t0 + 200s + 140s).recover);
    CHECK(black_twice(t0 + 200s + 150s).recover);
}

TEST_CASE("frame watch: a good frame after a black one starts the count over") {
    FrameWatch watch;
    CHECK(watch.judge(uniform(0), showing("a"), t0).problem == FrameProblem::black);
    CHECK(watch.judge(slide(1), showing("a"), t0 + 3s).problem == FrameProblem::none);
    CHECK_FALSE(watch.judge(uniform(0), showing("a"), t0 + 6s).recover);
}

TEST_CASE("frame hash: differs for one changed pixel and for another shape of the same pixels") {
    const FrameSample a = slide(3);
    FrameSample b = a;
    CHECK(play::frame_hash(a) == play::frame_hash(b));
    b.luma[100] ^= 1;
    CHECK(play::frame_hash(a) != play::frame_hash(b));
    FrameSample reshaped = a;
    std::swap(reshaped.width, reshaped.height);
    CHECK(play::frame_hash(a) != play::frame_hash(reshaped));
}
