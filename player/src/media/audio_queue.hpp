#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <span>
#include <vector>

namespace keiji::media {

// A film's sound between its decoder's thread and the sound card's: 16-bit stereo at 48 kHz,
// each chunk stamped with the film time of its first sample. The card takes what is due at the
// film time it asks for, so the sound follows the pictures (which follow the display's clock)
// and never drifts away from them: sound ahead of time waits behind silence, sound behind time
// is skipped. Thread-safe; pull() never blocks on the decoder.
class AudioQueue {
public:
    static constexpr int rate = 48'000;
    static constexpr int channels = 2;
    // Sound further than this from its time is put right; closer, it plays on (a jump is heard).
    static constexpr std::chrono::microseconds tolerance{40'000};
    // At most this much sound waits (the decoder runs ahead of the screen by a few pictures);
    // beyond it, the oldest goes.
    static constexpr std::chrono::microseconds capacity{3'000'000};

    // Samples, interleaved left/right, whose first plays at `time`.
    void push(std::vector<std::int16_t> samples, std::chrono::microseconds time);
    // Fills `out` (interleaved) with the sound due from film time `time` on: silence where
    // there is none (not yet decoded, or not due yet).
    void pull(std::span<std::int16_t> out, std::chrono::microseconds time);
    // Everything waiting goes (the film starts again elsewhere, or stops).
    void clear();

    [[nodiscard]] std::chrono::microseconds queued();
    // Samples skipped as late and silences inserted as early, for the log.
    [[nodiscard]] std::int64_t frames_skipped();
    [[nodiscard]] std::int64_t frames_of_silence();

private:
    struct Chunk {
        std::vector<std::int16_t> samples;
        std::chrono::microseconds time;
        std::size_t taken = 0;  // Samples already played or skipped.
    };
    [[nodiscard]] std::chrono::microseconds queued_locked() const;

    std::mutex m_mutex;
    std::deque<Chunk> m_chunks;
    std::int64_t m_skipped = 0;
    std::int64_t m_silence = 0;
};

}  // namespace keiji::media
