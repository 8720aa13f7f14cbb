#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace keiji::play {

// A small downscaled copy of a presented frame: luminance 0–255, row by row.
struct FrameSample {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> luma;
};

// What the schedule says a sampled frame shows.
struct FrameExpectation {
    // Names the picture: the same name for a still slide, a new one whenever the schedule changes
    // what is on screen (another item, another alert language). Two samples under different names
    // must differ, or the screen is frozen.
    std::string picture;
    // The screen is black on purpose (closed, with "outside_hours": "blank").
    bool dark_on_purpose = false;
};

enum class FrameProblem { none, black, frozen };

// The self-check of a kiosk that nobody watches: notices when the frames it presents are black
// where content should be, or stay identical across a point where the schedule changed the
// picture, and says when to recover (reload content, recreate the renderer). Pure: samples and
// time come in as parameters, so every rule is tested with synthetic frames.
//
// It asks for few samples, so a still slide stays free: one when the picture changes, one per
// `still_recheck` otherwise, never two within `min_interval`. A still slide is never "frozen":
// only a change of picture makes an unchanged frame suspicious.
class FrameWatch {
public:
    using Clock = std::chrono::steady_clock;

    struct Settings {
        std::chrono::milliseconds min_interval{3000};
        std::chrono::milliseconds still_recheck{60000};
        // A frame whose every sample is this dark or darker is black. Content always has a
        // header, a paper colour or text well above it.
        std::uint8_t black_level = 16;
        // Bad samples in a row before recovering: one odd sample does not tear the screen down.
        int confirmations = 2;
        // After a recovery the next one waits at least this long, doubling up to the maximum, so
        // a problem that recovery does not cure (or a false alarm) cannot make the screen flicker.
        std::chrono::milliseconds first_backoff{60000};
        std::chrono::milliseconds max_backoff{std::chrono::minutes(30)};
    };

    struct Verdict {
        FrameProblem problem = FrameProblem::none;
        bool recover = false;  // Confirmed and not within the backoff: recover now.
        std::string reason;    // For the log; empty when nothing is wrong.
    };

    FrameWatch() : FrameWatch(Settings{}) {}
    explicit FrameWatch(Settings settings) : m_settings(settings) {}

    // Whether the frame just presented, showing `picture`, is worth sampling at `now`.
    [[nodiscard]] bool wants_sample(const std::string& picture, Clock::time_point now) const;

    // Judges a sample of the frame showing `expected`, taken at `now`.
    Verdict judge(const FrameSample& sample, const FrameExpectation& expected,
                  Clock::time_point now);

    // The caller recovered at `now`: suspicions start over and the backoff grows.
    void recovered(Clock::time_point now);

private:
    Settings m_settings;
    std::optional<Clock::time_point> m_last_sample_at;
    std::string m_last_picture;
    std::uint64_t m_last_hash = 0;
    int m_black_in_a_row = 0;
    int m_frozen_in_a_row = 0;
    std::optional<Clock::time_point> m_no_recovery_before;
    std::chrono::milliseconds m_backoff{0};
};

// FNV-1a of the sample's size and pixels: what "identical frame" compares.
[[nodiscard]] std::uint64_t frame_hash(const FrameSample& sample);

}  // namespace keiji::play
