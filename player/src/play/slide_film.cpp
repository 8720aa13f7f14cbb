#include "play/slide_film.hpp"

#include <fmt/format.h>

#include <set>

#include "kiosk/log.hpp"

namespace keiji::play {

namespace {

using std::chrono::microseconds;

// How a film is decoded, said once per file and process: the journal is where a technician
// looks when a film stutters.
void say_how_decoded(const std::string& path, const std::string& item_id, const std::string& how) {
    static std::set<std::string> said;  // The screen's thread only.
    if (!said.insert(path + how).second) {
        return;
    }
    kiosk::log(kiosk::Priority::info, "video",
               fmt::format("item \"{}\": decoding {}: {}", item_id, path, how));
}

}  // namespace

model::Result<std::unique_ptr<SlideFilm>> SlideFilm::open(render::Screen& screen,
                                                          const model::VideoContent& video,
                                                          const std::string& item_id) {
    // "loop" starts again until the slot ends; "once" holds its last picture until then, and
    // "to_end" (whose slot is the film's length) holds it while the next slide fades in.
    // Sound is for a screen people stand in front of: a headless run keeps its virtual clock.
    const int volume = screen.is_headless() ? 0 : video.volume.value_or(0);
    auto decoder = KEIJI_TRY(media::VideoDecoder::open(
        video.video,
        media::DecoderOptions{.loop = video.play == model::VideoPlay::loop, .volume = volume}));
    say_how_decoded(video.video, item_id, decoder->decoding());
    std::unique_ptr<SlideFilm> film(new SlideFilm(screen, std::move(decoder), item_id));
    if (volume > 0) {
        film->open_sound(video.video);
    }
    return film;
}

SlideFilm::SlideFilm(render::Screen& screen, std::unique_ptr<media::VideoDecoder> decoder,
                     std::string item_id)
    : m_decoder(std::move(decoder)), m_painter(screen), m_item_id(std::move(item_id)) {}

SlideFilm::~SlideFilm() {
    if (m_shown == 0) {
        return;
    }
    // Late pictures are skipped to keep time; many mean the machine cannot keep up with the film.
    const std::int64_t dropped = m_decoder->frames_dropped();
    std::string sound;
    if (m_sound) {
        auto& queue = *m_decoder->sound();
        // Sound put right to follow the pictures: a little at the start is normal.
        sound = fmt::format("; sound {} ms skipped as late, {} ms of silence waiting for its time",
                            queue.frames_skipped() * 1000 / media::AudioQueue::rate,
                            queue.frames_of_silence() * 1000 / media::AudioQueue::rate);
    }
    kiosk::log(dropped > m_shown / 100 ? kiosk::Priority::warning : kiosk::Priority::info, "video",
               fmt::format("item \"{}\": {} pictures shown, {} skipped as late (decoded: {}){}",
                           m_item_id, m_shown, dropped, m_decoder->decoding(), sound));
}

void SlideFilm::open_sound(const std::string& path) {
    std::string how = m_decoder->sound_description();
    if (const auto& queue = m_decoder->sound()) {
        auto output = media::AudioOutput::open(queue);
        if (output) {
            m_sound = std::move(*output);
            how += fmt::format(" (SDL's {} sound)", m_sound->driver());
        } else {
            how = "muted: " + output.error().text();
        }
    }
    say_how_decoded(path, m_item_id, "sound " + how);
}

bool SlideFilm::take_first(std::chrono::milliseconds wait) {
    if (!m_first) {
        m_first = m_decoder->next_frame(wait);
    }
    if (!m_first) {
        note_problem();
        if (!m_problem_said) {
            kiosk::log(kiosk::Priority::warning, "video",
                       fmt::format("item \"{}\": the film's first picture was not ready in {} ms; "
                                   "its poster shows until it is",
                                   m_item_id, wait.count()));
        }
        return false;
    }
    m_width = m_first->width();
    m_height = m_first->height();
    return true;
}

void SlideFilm::start(SDL_Texture* layer, render::Rect where, Clock::time_point start) {
    m_layer = layer;
    m_where = where;
    // The first picture's own time is the film's zero (a stream may start after 0).
    m_start = start - (m_first ? std::chrono::duration_cast<Clock::duration>(m_first->time())
                               : Clock::duration::zero());
    if (m_first) {
        paint(*m_first);
        m_last = std::move(m_first);
        m_first.reset();
    }
    if (m_sound) {
        m_sound->start(m_start);
    }
}

void SlideFilm::move_to(SDL_Texture* layer, render::Rect where) {
    m_layer = layer;
    m_where = where;
    if (m_last) {
        paint(*m_last);
    }
}

bool SlideFilm::advance(Clock::time_point now) {
    if (m_layer == nullptr) {
        return false;
    }
    const auto elapsed = std::chrono::duration_cast<microseconds>(now - m_start);
    std::optional<media::VideoFrame> due = m_decoder->frame_at(elapsed);
    if (!due && m_shown == 0) {
        // The first picture came late (take_first gave up): it shows as soon as it is there.
        due = m_decoder->next_frame(std::chrono::milliseconds{0});
    }
    if (!due) {
        note_problem();
        return false;
    }
    paint(*due);
    m_last = std::move(due);
    return true;
}

std::optional<SlideFilm::Clock::time_point> SlideFilm::next_due(std::chrono::milliseconds wait) {
    const std::optional<microseconds> due =
        wait.count() > 0 ? m_decoder->wait_next_due(wait) : m_decoder->next_due();
    if (!due) {
        return std::nullopt;
    }
    return m_start + std::chrono::duration_cast<Clock::duration>(*due);
}

bool SlideFilm::waiting_for_decoder() {
    return !m_decoder->next_due() && !m_decoder->finished() && !m_decoder->problem();
}

void SlideFilm::paint(const media::VideoFrame& picture) {
    if (auto painted = m_painter.paint(picture, m_layer, m_where); !painted) {
        if (!m_problem_said) {
            kiosk::log(kiosk::Priority::warning, "video",
                       fmt::format("item \"{}\": {}", m_item_id, painted.error().text()));
            m_problem_said = true;
        }
        return;
    }
    ++m_shown;
}

void SlideFilm::note_problem() {
    if (m_problem_said) {
        return;
    }
    if (auto problem = m_decoder->problem()) {
        kiosk::log(kiosk::Priority::warning, "video",
                   fmt::format("item \"{}\": {}; its last picture stays until the slot ends",
                               m_item_id, problem->text()));
        m_problem_said = true;
    }
}

}  // namespace keiji::play
