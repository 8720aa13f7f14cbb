#include "media/audio_output.hpp"

#include <fmt/format.h>

#include <span>

namespace keiji::media {

model::Result<std::unique_ptr<AudioOutput>> AudioOutput::open(std::shared_ptr<AudioQueue> queue) {
    if (SDL_WasInit(SDL_INIT_AUDIO) == 0 && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        return model::failure(fmt::format("no sound: {}", SDL_GetError()),
                              "音声を出せません（サウンド機器がありません）");
    }
    std::unique_ptr<AudioOutput> output(new AudioOutput(std::move(queue)));
    SDL_AudioSpec wanted{};
    wanted.freq = AudioQueue::rate;
    wanted.format = AUDIO_S16SYS;
    wanted.channels = AudioQueue::channels;
    wanted.samples = 1024;  // 21 ms a call: small enough to follow the pictures.
    wanted.callback = &AudioOutput::fill;
    wanted.userdata = output.get();
    SDL_AudioSpec obtained{};
    output->m_device = SDL_OpenAudioDevice(nullptr, 0, &wanted, &obtained, 0);
    if (output->m_device == 0) {
        return model::failure(fmt::format("no sound: {}", SDL_GetError()),
                              "音声を出せません（サウンド機器を開けません）");
    }
    // What the card holds is heard that much later: it is asked for the sound due then.
    output->m_latency =
        std::chrono::microseconds(std::int64_t(obtained.samples) * 1'000'000 / AudioQueue::rate);
    const char* driver = SDL_GetCurrentAudioDriver();
    output->m_driver = driver != nullptr ? driver : "?";
    SDL_PauseAudioDevice(output->m_device, 0);
    return output;
}

AudioOutput::~AudioOutput() {
    if (m_device != 0) {
        SDL_CloseAudioDevice(m_device);  // Waits for fill() to return.
    }
}

void AudioOutput::start(Clock::time_point film_zero) {
    m_zero.store(film_zero.time_since_epoch().count());
}

void SDLCALL AudioOutput::fill(void* self, Uint8* stream, int length) {
    auto& output = *static_cast<AudioOutput*>(self);
    std::span<std::int16_t> samples(reinterpret_cast<std::int16_t*>(stream),
                                    std::size_t(length) / sizeof(std::int16_t));
    const Clock::rep zero = output.m_zero.load();
    if (zero == 0) {
        std::fill(samples.begin(), samples.end(), std::int16_t{0});
        return;
    }
    const auto film_time = std::chrono::duration_cast<std::chrono::microseconds>(
        Clock::now() - Clock::time_point(Clock::duration(zero)));
    output.m_queue->pull(samples, film_time + output.m_latency);
}

}  // namespace keiji::media
