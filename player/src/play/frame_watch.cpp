#include "play/frame_watch.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace keiji::play {

std::uint64_t frame_hash(const FrameSample& sample) {
    std::uint64_t hash = 14695981039346656037ull;
    const auto mix = [&hash](std::uint8_t byte) {
        hash ^= byte;
        hash *= 1099511628211ull;
    };
    for (const int dimension : {sample.width, sample.height}) {
        for (int shift = 0; shift < 32; shift += 8) {
            mix(std::uint8_t(dimension >> shift));
        }
    }
    for (const std::uint8_t value : sample.luma) {
        mix(value);
    }
    return hash;
}

bool FrameWatch::wants_sample(const std::string& picture, Clock::time_point now) const {
    if (!m_last_sample_at) {
        return true;
    }
    const auto since = now - *m_last_sample_at;
    if (since < m_settings.min_interval) {
        return false;
    }
    // A suspicion is confirmed or cleared as soon as allowed, still slide or not.
    const bool suspicious = m_black_in_a_row > 0 || m_frozen_in_a_row > 0;
    return picture != m_last_picture || suspicious || since >= m_settings.still_recheck;
}

FrameWatch::Verdict FrameWatch::judge(const FrameSample& sample, const FrameExpectation& expected,
                                      Clock::time_point now) {
    Verdict verdict;
    const std::uint64_t hash = frame_hash(sample);
    const bool first = !m_last_sample_at;
    const bool picture_changed = !first && expected.picture != m_last_picture;

    const std::uint8_t brightest =
        sample.luma.empty() ? 0 : *std::max_element(sample.luma.begin(), sample.luma.end());
    if (!expected.dark_on_purpose && brightest <= m_settings.black_level) {
        ++m_black_in_a_row;
        verdict.problem = FrameProblem::black;
        verdict.reason = fmt::format(
            "the frame is black (brightest {} of 255) where \"{}\" should "
            "be on screen",
            brightest, expected.picture);
    } else {
        m_black_in_a_row = 0;
    }

    if (picture_changed && hash == m_last_hash) {
        ++m_frozen_in_a_row;
        if (verdict.problem == FrameProblem::none) {
            verdict.problem = FrameProblem::frozen;
            verdict.reason = fmt::format(
                "the frame is frozen: it did not change when \"{}\" "
                "replaced \"{}\"",
                expected.picture, m_last_picture);
        }
    } else if (picture_changed || first) {
        // Only a change of picture can clear a frozen suspicion; a still slide says nothing.
        m_frozen_in_a_row = 0;
    }

    m_last_sample_at = now;
    m_last_picture = expected.picture;
    m_last_hash = hash;

    const bool confirmed = m_black_in_a_row >= m_settings.confirmations ||
                           m_frozen_in_a_row >= m_settings.confirmations;
    verdict.recover = confirmed && (!m_no_recovery_before || now >= *m_no_recovery_before);
    return verdict;
}

void FrameWatch::recovered(Clock::time_point now) {
    m_black_in_a_row = 0;
    m_frozen_in_a_row = 0;
    m_backoff = m_backoff.count() == 0 ? m_settings.first_backoff
                                       : std::min(m_backoff * 2, m_settings.max_backoff);
    m_no_recovery_before = now + m_backoff;
    // The next frame (of the rebuilt screen) is sampled at once, whatever it shows.
    m_last_sample_at.reset();
    m_last_picture.clear();
}

}  // namespace keiji::play
