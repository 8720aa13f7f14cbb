// A film's sound follows the pictures' clock: what is due plays, sound ahead of its time waits
// behind silence, sound behind it is skipped, and the queue never grows without end. Also the
// sound track decoded from a real film at a volume.
#include "media/audio_queue.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "media/video_decoder.hpp"
#include "test_videos.hpp"

using namespace keiji;
using std::chrono::microseconds;
using std::chrono::milliseconds;

namespace {

constexpr std::size_t frames_per_ms = media::AudioQueue::rate / 1000;

// `ms` of stereo frames, every sample `value`.
std::vector<std::int16_t> constant(int ms, std::int16_t value) {
    return std::vector<std::int16_t>(std::size_t(ms) * frames_per_ms * 2, value);
}

std::vector<std::int16_t> pull(media::AudioQueue& queue, int ms, microseconds at) {
    std::vector<std::int16_t> out(std::size_t(ms) * frames_per_ms * 2, -1);
    queue.pull(out, at);
    return out;
}

std::size_t count(const std::vector<std::int16_t>& samples, std::int16_t value) {
    return std::size_t(std::ranges::count(samples, value));
}

int peak(const std::vector<std::int16_t>& samples) {
    int highest = 0;
    for (const std::int16_t sample : samples) {
        highest = std::max(highest, std::abs(int(sample)));
    }
    return highest;
}

}  // namespace

TEST_CASE("audio queue: sound due now plays in order, gaps are silence") {
    media::AudioQueue queue;
    queue.push(constant(10, 100), microseconds{0});
    queue.push(constant(10, 200), milliseconds{10});
    const auto out = pull(queue, 30, microseconds{0});
    CHECK(count(out, 100) == 10 * frames_per_ms * 2);
    CHECK(count(out, 200) == 10 * frames_per_ms * 2);
    CHECK(count(out, 0) == 10 * frames_per_ms * 2);  // Nothing decoded yet: silence.
    CHECK(
        std::ranges::equal(std::span(out).first(4), std::vector<std::int16_t>{100, 100, 100, 100}));
    CHECK(queue.queued() == microseconds{0});
}

TEST_CASE("audio queue: sound ahead of the pictures waits, sound behind them is skipped") {
    media::AudioQueue queue;
    queue.push(constant(100, 7), milliseconds{500});
    // Asked for 0.4 s: the sound is 100 ms early, past the tolerance: silence first.
    auto out = pull(queue, 150, milliseconds{400});
    CHECK(count(out, 0) == 100 * frames_per_ms * 2);
    CHECK(count(out, 7) == 50 * frames_per_ms * 2);
    CHECK(queue.frames_of_silence() == std::int64_t(100 * frames_per_ms));

    media::AudioQueue late;
    late.push(constant(200, 9), milliseconds{0});
    // Asked for 0.1 s: the first 100 ms are gone, what follows plays at once.
    out = pull(late, 50, milliseconds{100});
    CHECK(count(out, 9) == out.size());
    CHECK(late.frames_skipped() == std::int64_t(100 * frames_per_ms));
    CHECK(late.queued() == milliseconds{50});

    // Within the tolerance nothing is put right (a jump would be heard).
    media::AudioQueue close;
    close.push(constant(50, 5), milliseconds{20});
    out = pull(close, 50, milliseconds{0});
    CHECK(count(out, 5) == out.size());
    CHECK(close.frames_skipped() == 0);
    CHECK(close.frames_of_silence() == 0);
}

TEST_CASE("audio queue: at most three seconds wait, the oldest go first") {
    media::AudioQueue queue;
    for (int i = 0; i < 50; ++i) {
        queue.push(constant(100, std::int16_t(i)), milliseconds{100 * i});
    }
    CHECK(queue.queued() <= media::AudioQueue::capacity);
    CHECK(queue.queued() >= media::AudioQueue::capacity - milliseconds{100});
    CHECK(queue.frames_skipped() > 0);
    queue.clear();
    CHECK(queue.queued() == microseconds{0});
    CHECK(count(pull(queue, 10, microseconds{0}), 0) == 10 * frames_per_ms * 2);
}

TEST_CASE("film sound: the tone of a real film, at its volume, stamped with film time") {
    const std::string film = test::small_h264(2);  // A 440 Hz tone under the pictures.
    const auto tone_at = [&](int volume) {
        auto decoder = media::VideoDecoder::open(film, {.volume = volume});
        REQUIRE(decoder.has_value());
        REQUIRE((*decoder)->sound() != nullptr);
        CHECK((*decoder)->sound_description().starts_with("aac "));
        CHECK((*decoder)->sound_description().ends_with("at volume " + std::to_string(volume)));
        while ((*decoder)->next_frame(milliseconds{5000})) {
        }
        auto& queue = *(*decoder)->sound();
        CHECK(queue.queued() > milliseconds{1800});
        const auto out = pull(queue, 1000, milliseconds{500});
        // 440 Hz: about 880 sign changes a second on each channel.
        int crossings = 0;
        for (std::size_t i = 2; i < out.size(); i += 2) {
            crossings += (out[i] >= 0) != (out[i - 2] >= 0);
        }
        CHECK(crossings > 860);
        CHECK(crossings < 900);
        CHECK(out[0] == out[1]);  // Mono made stereo.
        return peak(out);
    };
    const int full = tone_at(100);
    const int half = tone_at(50);
    CHECK(full > 3000);
    CHECK(std::abs(half * 2 - full) < full / 50);

    auto muted = media::VideoDecoder::open(film);
    REQUIRE(muted.has_value());
    CHECK((*muted)->sound() == nullptr);
    CHECK((*muted)->sound_description() == "muted");

    auto silent = media::VideoDecoder::open(test::silent_h264(2), {.volume = 80});
    REQUIRE(silent.has_value());
    CHECK((*silent)->sound() == nullptr);
    CHECK((*silent)->sound_description() == "muted: the film has no sound track");
}
