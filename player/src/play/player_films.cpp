// The player's films: opened ahead, started with their first picture, advanced picture by
// picture on the display's clock. See player.hpp.
#include <fmt/format.h>

#include "kiosk/log.hpp"
#include "play/player.hpp"

namespace keiji::play {

namespace {

// How long the slide's painting waits for a film's first picture. A film opened ahead has had
// the whole previous slide for it; one opened now (the first slide, after an alert) gets a
// moment, then its poster stands in until the picture comes.
constexpr std::chrono::milliseconds first_picture_wait{400};
// A headless run on a virtual clock waits this long for any picture.
constexpr std::chrono::milliseconds headless_picture_wait{5000};
// How long before its slide a film is opened: its first pictures take a fraction of that.
constexpr std::chrono::seconds film_lead{2};
// When the decoder is behind on a real clock, the loop looks again this soon.
constexpr std::chrono::milliseconds decoder_poll{4};

}  // namespace

void Player::open_film_ahead(const model::Instant& now) {
    if (m_film_ahead_tried || !m_planned || m_planned->kind != schedule::SlotKind::item ||
        now.monotonic < m_planned_for - film_lead) {
        return;
    }
    const model::Item& item = m_items[m_planned->item];
    const model::VideoContent* video = model::video_of(item);
    if (video == nullptr) {
        return;
    }
    m_film_ahead_tried = true;
    auto film = SlideFilm::open(m_screen, *video, item.id);
    if (!film) {
        kiosk::log(kiosk::Priority::warning, "video",
                   fmt::format("item \"{}\": {}", item.id, film.error().text()));
        return;
    }
    m_next_film = std::move(*film);
    m_next_film_item = m_planned->item;
}

std::unique_ptr<SlideFilm> Player::film_for(std::size_t item_index) {
    std::unique_ptr<SlideFilm> film;
    if (m_next_film && m_next_film_item == item_index) {
        film = std::move(m_next_film);
    } else {
        m_next_film.reset();
        const model::Item& item = m_items[item_index];
        auto opened = SlideFilm::open(m_screen, *model::video_of(item), item.id);
        if (!opened) {
            // The band and the poster (or black) stay for the slot; the log says why.
            kiosk::log(kiosk::Priority::warning, "video",
                       fmt::format("item \"{}\": {}", item.id, opened.error().text()));
            return nullptr;
        }
        film = std::move(*opened);
    }
    film->take_first(m_options.wait_for_pictures ? headless_picture_wait : first_picture_wait);
    return film;
}

void Player::keep_film_going(Slide& current, Slide& next) {
    if (!current.film || !next.film || !next.item) {
        return;
    }
    const model::VideoContent* video = model::video_of(m_items[*next.item]);
    if (video == nullptr || video->play != model::VideoPlay::loop) {
        return;  // Played once or to its end: a new appearance starts it again.
    }
    next.film = std::move(current.film);
    next.film->move_to(next.layer.get(), next.film_where);
}

int Player::advance_films(const model::Instant& now) {
    int painted = 0;
    for (std::optional<Slide>* slide : {&m_current, &m_incoming}) {
        if (*slide && (*slide)->film && (*slide)->film->advance(now.monotonic)) {
            ++painted;
        }
    }
    return painted;
}

std::chrono::steady_clock::time_point Player::film_deadline(
    const model::Instant& now, std::chrono::steady_clock::time_point deadline) {
    // The moment the next slide's film is opened (open_film_ahead).
    if (!m_film_ahead_tried && m_planned && m_planned->kind == schedule::SlotKind::item &&
        model::video_of(m_items[m_planned->item]) != nullptr) {
        deadline = std::min(deadline, std::max(m_planned_for - film_lead, now.monotonic));
    }
    for (std::optional<Slide>* slide : {&m_current, &m_incoming}) {
        if (!*slide || !(*slide)->film) {
            continue;
        }
        SlideFilm& film = *(*slide)->film;
        const auto due = film.next_due(m_options.wait_for_pictures ? headless_picture_wait
                                                                   : std::chrono::milliseconds{0});
        if (due) {
            deadline = std::min(deadline, std::max(*due, now.monotonic));
        } else if (!m_options.wait_for_pictures && film.waiting_for_decoder()) {
            deadline = std::min(deadline, now.monotonic + decoder_poll);
        }
    }
    return deadline;
}

}  // namespace keiji::play
