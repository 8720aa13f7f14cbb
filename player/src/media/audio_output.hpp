#pragma once

#include <SDL.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include "media/audio_queue.hpp"
#include "model/error.hpp"

namespace keiji::media {

// The sound card, through SDL's audio (PulseAudio, PipeWire or ALSA, as the system has): it
// plays a film's AudioQueue at the film time of the screen's clock, so the sound stays with the
// pictures. Silent until start().
class AudioOutput {
public:
    using Clock = std::chrono::steady_clock;

    // Opens the default device for 48 kHz 16-bit stereo (SDL converts if it takes another).
    // Fails when the machine has no sound device; the film then plays muted.
    [[nodiscard]] static model::Result<std::unique_ptr<AudioOutput>> open(
        std::shared_ptr<AudioQueue> queue);
    AudioOutput(const AudioOutput&) = delete;
    AudioOutput& operator=(const AudioOutput&) = delete;
    ~AudioOutput();

    // Film time 0 is `film_zero` on the screen's clock; the sound plays from now on.
    void start(Clock::time_point film_zero);
    // "pulseaudio" / "alsa" / …: for the log.
    [[nodiscard]] const std::string& driver() const { return m_driver; }

private:
    explicit AudioOutput(std::shared_ptr<AudioQueue> queue) : m_queue(std::move(queue)) {}
    static void SDLCALL fill(void* self, Uint8* stream, int length);

    std::shared_ptr<AudioQueue> m_queue;
    SDL_AudioDeviceID m_device = 0;
    std::string m_driver;
    std::chrono::microseconds m_latency{0};
    // The steady clock's count at film time 0; 0 until start().
    std::atomic<Clock::rep> m_zero{0};
};

}  // namespace keiji::media
