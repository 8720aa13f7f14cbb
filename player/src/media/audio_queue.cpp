#include "media/audio_queue.hpp"

#include <algorithm>

namespace keiji::media {

namespace {

using std::chrono::microseconds;

std::int64_t frames_in(microseconds span) {
    return span.count() * AudioQueue::rate / 1'000'000;
}

microseconds span_of(std::int64_t frames) {
    return microseconds(frames * 1'000'000 / AudioQueue::rate);
}

}  // namespace

void AudioQueue::push(std::vector<std::int16_t> samples, microseconds time) {
    if (samples.empty()) {
        return;
    }
    const std::lock_guard lock(m_mutex);
    m_chunks.push_back({std::move(samples), time, 0});
    while (m_chunks.size() > 1 && queued_locked() > capacity) {
        m_skipped +=
            std::int64_t(m_chunks.front().samples.size() - m_chunks.front().taken) / channels;
        m_chunks.pop_front();
    }
}

void AudioQueue::pull(std::span<std::int16_t> out, microseconds time) {
    const std::lock_guard lock(m_mutex);
    std::size_t filled = 0;
    while (filled < out.size()) {
        const microseconds wanted = time + span_of(std::int64_t(filled) / channels);
        if (m_chunks.empty()) {
            break;
        }
        Chunk& chunk = m_chunks.front();
        const microseconds at = chunk.time + span_of(std::int64_t(chunk.taken) / channels);
        const std::size_t left = chunk.samples.size() - chunk.taken;
        if (at - wanted > tolerance) {
            // Early: silence until it is due.
            const std::size_t quiet =
                std::min(out.size() - filled, std::size_t(frames_in(at - wanted)) * channels);
            std::fill_n(out.begin() + std::ptrdiff_t(filled), quiet, std::int16_t{0});
            filled += quiet;
            m_silence += std::int64_t(quiet) / channels;
            continue;
        }
        if (wanted - at > tolerance) {
            // Late: skipped up to its time.
            const std::size_t late = std::min(left, std::size_t(frames_in(wanted - at)) * channels);
            chunk.taken += std::max<std::size_t>(late, channels);
            m_skipped += std::int64_t(late) / channels;
        } else {
            const std::size_t copied = std::min(left, out.size() - filled);
            std::copy_n(chunk.samples.begin() + std::ptrdiff_t(chunk.taken), copied,
                        out.begin() + std::ptrdiff_t(filled));
            chunk.taken += copied;
            filled += copied;
        }
        if (chunk.taken >= chunk.samples.size()) {
            m_chunks.pop_front();
        }
    }
    std::fill(out.begin() + std::ptrdiff_t(filled), out.end(), std::int16_t{0});
}

void AudioQueue::clear() {
    const std::lock_guard lock(m_mutex);
    m_chunks.clear();
}

microseconds AudioQueue::queued() {
    const std::lock_guard lock(m_mutex);
    return queued_locked();
}

microseconds AudioQueue::queued_locked() const {
    std::int64_t samples = 0;
    for (const Chunk& chunk : m_chunks) {
        samples += std::int64_t(chunk.samples.size() - chunk.taken);
    }
    return span_of(samples / channels);
}

std::int64_t AudioQueue::frames_skipped() {
    const std::lock_guard lock(m_mutex);
    return m_skipped;
}

std::int64_t AudioQueue::frames_of_silence() {
    const std::lock_guard lock(m_mutex);
    return m_silence;
}

}  // namespace keiji::media
