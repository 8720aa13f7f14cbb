#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "media/audio_output.hpp"
#include "media/video_decoder.hpp"
#include "media/video_painter.hpp"
#include "model/error.hpp"
#include "model/item.hpp"
#include "render/geometry.hpp"
#include "render/screen.hpp"

namespace keiji::play {

// A film playing on a slide: its decoder (already decoding when the slide before it is still
// up), where its pictures go in the slide's layer, and its own clock, which starts when the
// slide starts to appear. The screen's loop asks it for the picture due now and sleeps until the
// next one is.
class SlideFilm {
public:
    using Clock = std::chrono::steady_clock;

    // Opens the file and starts decoding; the first picture is waited for in take_first().
    [[nodiscard]] static model::Result<std::unique_ptr<SlideFilm>> open(
        render::Screen& screen, const model::VideoContent& video, const std::string& item_id);

    SlideFilm(const SlideFilm&) = delete;
    SlideFilm& operator=(const SlideFilm&) = delete;
    // Says in the log how many pictures were shown and skipped.
    ~SlideFilm();

    // Waits (at most `wait`) for the first picture, so the slide can be painted around it and
    // the film never starts on a black frame. False when none came (logged).
    bool take_first(std::chrono::milliseconds wait);
    // The picture's size, once take_first() had it; 0 before.
    [[nodiscard]] int width() const { return m_width; }
    [[nodiscard]] int height() const { return m_height; }

    // Paints the first picture into `layer` at `where`; the film's time 0 is `start`.
    void start(SDL_Texture* layer, render::Rect where, Clock::time_point start);
    // Goes on in another layer (the same item's slide painted again): the picture on screen is
    // painted there at once, and the film goes on without starting again.
    void move_to(SDL_Texture* layer, render::Rect where);
    // Paints the picture due at `now`, if a new one is; true when it did.
    bool advance(Clock::time_point now);
    // When the next picture is due. Nothing when none will come (the film played once and
    // holds its last picture, or failed). `wait` > 0 waits that long for the decoder.
    [[nodiscard]] std::optional<Clock::time_point> next_due(std::chrono::milliseconds wait = {});
    // The decoder is behind: no picture is decoded yet, though more will come.
    [[nodiscard]] bool waiting_for_decoder();

    [[nodiscard]] std::int64_t pictures_shown() const { return m_shown; }

private:
    SlideFilm(render::Screen& screen, std::unique_ptr<media::VideoDecoder> decoder,
              std::string item_id);
    void paint(const media::VideoFrame& picture);
    // Opens the sound card for the film's sound; a film without one plays muted (logged).
    void open_sound(const std::string& path);
    // The film stopped early (a damaged file): said once.
    void note_problem();

    std::unique_ptr<media::VideoDecoder> m_decoder;
    std::unique_ptr<media::AudioOutput> m_sound;  // When the film's sound is played.
    media::VideoPainter m_painter;
    std::string m_item_id;
    std::optional<media::VideoFrame> m_first;
    std::optional<media::VideoFrame> m_last;  // On screen now (move_to paints it again).
    int m_width = 0;
    int m_height = 0;
    SDL_Texture* m_layer = nullptr;
    render::Rect m_where{};
    Clock::time_point m_start{};
    std::int64_t m_shown = 0;
    bool m_problem_said = false;
};

}  // namespace keiji::play
