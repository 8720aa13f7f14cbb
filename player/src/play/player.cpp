#include "play/player.hpp"

#include <SDL.h>
#include <fmt/format.h>

#include <algorithm>

#include "kiosk/log.hpp"
#include "render/canvas.hpp"
#include "render/slide_painter.hpp"
#include "schedule/event_state.hpp"

namespace keiji::play {

namespace {

// How often the idle screen (nothing eligible) checks whether something may play again.
constexpr std::chrono::seconds idle_recheck{30};

std::chrono::steady_clock::time_point next_minute(const model::Instant& now) {
    const auto since_minute = now.wall - std::chrono::floor<std::chrono::minutes>(now.wall);
    const auto remaining = std::chrono::minutes{1} - since_minute;
    return now.monotonic +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(remaining);
}

}  // namespace

Player::Player(render::Screen& screen, render::FontSet& fonts, std::vector<model::Item> items,
               PlayerOptions options)
    : m_screen(screen),
      m_fonts(fonts),
      m_items(std::move(items)),
      m_options(std::move(options)),
      m_planner(m_items, m_options.opening_hours ? &m_options.opening_hours->hours : nullptr,
                *m_options.zone),
      m_languages(m_options.languages.empty() ? std::vector<std::string>{m_options.language}
                                              : m_options.languages) {
    m_theme.date_style = m_options.date_style;
    for (const model::Item& item : m_items) {
        if (item.theme && !m_playlist_themes.contains(item.theme.get())) {
            std::vector<std::string> problems;
            m_playlist_themes.emplace(item.theme.get(),
                                      render::themed(m_theme, *item.theme, problems));
            for (const std::string& problem : problems) {
                kiosk::log(kiosk::Priority::warning, "render",
                           fmt::format("{}: {}", item.where.file, problem));
            }
        }
    }
    if (m_options.first_photo_decode.valid()) {
        m_images.adopt(m_options.first_photo, std::move(m_options.first_photo_decode));
    }
    const render::Frame frame = m_screen.frame();
    m_header = m_screen.make_opaque_layer(frame.width, render::header_height(frame));
    if (!m_options.ticker.empty()) {
        m_ticker.emplace(m_screen, m_fonts, m_options.ticker, m_theme);
        if (m_ticker->empty()) {
            m_ticker.reset();
        }
    }
}

std::string Player::item_id(const Slide& slide) const {
    return slide.item ? m_items[*slide.item].id : slide.carried_id;
}

void Player::plan_next(const model::Instant& now, std::chrono::steady_clock::time_point at) {
    if (m_split) {
        // The split item's next language comes before the planner is asked again.
        m_planned = schedule::Decision{.item = m_split->item, .length = m_split->part};
        m_planned_for = at;
        return;
    }
    const auto ahead = std::chrono::duration_cast<std::chrono::system_clock::duration>(
        std::max(at - now.monotonic, std::chrono::steady_clock::duration::zero()));
    // The planner is asked about the moment the slide will appear, not the moment of asking.
    const auto wall = std::chrono::floor<std::chrono::seconds>(now.wall + ahead);
    m_planned = m_planner.next(wall);
    if (!m_just_shown.empty()) {
        // The slide carried over from the previous content has just been on screen: it does not
        // come again at once when anything else may play.
        if (m_planned->kind == schedule::SlotKind::item &&
            m_items[m_planned->item].id == m_just_shown) {
            m_planned = m_planner.next(wall);
        }
        m_just_shown.clear();
    }
    m_planned_for = at;
    if (m_planned->kind != schedule::SlotKind::item) {
        return;
    }
    if (const std::string* image = model::image_of(m_items[m_planned->item])) {
        m_images.prefetch(*image);
    }
    m_next_film.reset();  // A film opened for an earlier plan.
    m_film_ahead_tried = false;
}

Player::Slide Player::prepare_next(const model::Instant& now) {
    const auto wall = std::chrono::floor<std::chrono::seconds>(now.wall);
    const date::time_zone& zone = *m_options.zone;
    Slide slide;
    // A plan made for a moment long gone (an alert took over the screen meanwhile) is asked
    // again: what was eligible then may not be now.
    if (!m_planned || now.monotonic - m_planned_for > std::chrono::seconds{2}) {
        m_split.reset();  // An item's languages split around an alert start again.
        plan_next(now, now.monotonic);
    }
    const schedule::Decision decision = *m_planned;
    m_planned.reset();
    const render::Frame frame = m_screen.frame();
    slide.layer = slide_layer();
    m_screen.target(slide.layer.get());
    // The photo was decoded ahead (plan_next); the layer is complete before any frame shows it.
    if (decision.kind == schedule::SlotKind::item) {
        slide.item = decision.item;
        const model::Item& item = m_items[decision.item];
        std::string second;
        std::chrono::seconds length{};
        std::tie(slide.language, length) =
            language_for(decision.item, decision.length.value_or(item.duration), second);
        render::Canvas canvas(m_screen.renderer(), fonts_for(slide.language), &m_images);
        const std::string& named = second.empty() ? slide.language : second;
        render::SlideContext context{
            .language = slide.language,
            .zone = &zone,
            .ticker = m_ticker ? render::TickerSpace::reserved : render::TickerSpace::none,
            .language_label = m_languages.several() ? schedule::language_name(named) : "",
            .second_language = second,
            .second_fonts = second.empty() ? nullptr : &fonts_for(second)};
        if (!second.empty()) {
            slide.language += "+" + second;  // What proof of play records: "ja+en".
        }
        if (const auto* event = std::get_if<model::EventContent>(&item.content)) {
            context.event = schedule::event_state(*event, wall, zone);
        }
        if (model::video_of(item) != nullptr) {
            slide.film = film_for(decision.item);
            context.film_width = slide.film ? slide.film->width() : 0;
            context.film_height = slide.film ? slide.film->height() : 0;
        }
        const render::PaintReport report =
            render::paint_slide(canvas, frame, item, context,
                                item.theme ? m_playlist_themes.at(item.theme.get()) : m_theme);
        for (const std::string& problem : report.problems) {
            kiosk::log(kiosk::Priority::warning, "render",
                       fmt::format("item \"{}\": {}", item.id, problem));
        }
        // The planner may cut the slot short (the item's window ends, a higher priority starts).
        slide.until = now.monotonic + length;
        slide.film_where = report.film;
    } else {
        render::Canvas canvas(m_screen.renderer(), m_fonts, &m_images);
        slide.blank = decision.kind == schedule::SlotKind::closed && m_options.opening_hours &&
                      m_options.opening_hours->outside == model::OutsideHours::blank;
        if (slide.blank) {
            canvas.fill(render::Rect{0, 0, frame.width, frame.height}, render::Color{0, 0, 0});
        } else {
            // Never a blank screen by accident: with nothing to play, the corner's name and the
            // clock stay up.
            canvas.fill(render::Rect{0, 0, frame.width, frame.height}, m_theme.paper);
            canvas.draw_text(m_options.header_title, render::Rect{0, 0, frame.width, frame.height},
                             render::TextStyle{.weight = render::Weight::bold,
                                               .size = frame.unit(0.08),
                                               .min_size = frame.unit(0.04),
                                               .color = m_theme.header,
                                               .align = render::Align::center,
                                               .vertical = render::VerticalAlign::middle});
        }
        // Look again at the next change, but at least every idle_recheck and never in a spin.
        const auto wait = std::clamp<std::chrono::seconds>(decision.length.value_or(idle_recheck),
                                                           std::chrono::seconds{1}, idle_recheck);
        slide.until = now.monotonic + wait;
    }
    m_screen.target(nullptr);
    slide.shown_at = now.monotonic;
    if (slide.film) {
        // Into the finished layer: the film's time starts as the slide begins to appear.
        slide.film->start(slide.layer.get(), slide.film_where, now.monotonic);
        m_film_pictures += slide.film->pictures_shown() > 0 ? 1 : 0;
    }
    return slide;
}

render::TextureHandle Player::slide_layer() {
    const render::Frame frame = m_screen.frame();
    int width = 0;
    int height = 0;
    if (m_spare_layer &&
        SDL_QueryTexture(m_spare_layer.get(), nullptr, nullptr, &width, &height) == 0 &&
        width == frame.width && height == frame.height) {
        return std::move(m_spare_layer);
    }
    m_spare_layer.reset();
    return m_screen.make_opaque_layer(frame.width, frame.height);
}

void Player::retire(Slide& slide) {
    if (slide.layer) {
        m_spare_layer = std::move(slide.layer);
        // Not shown until the next slide is painted on it: its 8 MB (at 1080p) need not be
        // kept meanwhile. The address space stays, so painting it costs page faults only.
        m_screen.release_pixels(m_spare_layer.get());
    }
}

render::FontSet& Player::fonts_for(const std::string& language) {
    if (language == m_options.language) {
        return m_fonts;
    }
    auto found = m_language_fonts.find(language);
    if (found == m_language_fonts.end()) {
        auto fonts = render::FontSet::create(render::FontSet::chain_for_language(language));
        if (!fonts) {
            kiosk::log(kiosk::Priority::warning, "render",
                       fmt::format("no fonts for {}: {}", language, fonts.error().text()));
            return m_fonts;
        }
        found = m_language_fonts.emplace(language, std::move(*fonts)).first;
    }
    return found->second;
}

void Player::paint_header(const render::ClockFace& face) {
    m_screen.target(m_header.get());
    render::Canvas canvas(m_screen.renderer(), m_fonts);
    render::paint_header(canvas, m_screen.frame(), m_options.header_title, face, m_theme);
    m_screen.target(nullptr);
}

void Player::present(const render::Layer& outgoing, const render::Layer& incoming) const {
    const render::Frame frame = m_screen.frame();
    m_screen.present(
        {outgoing, incoming,
         render::Layer{m_header.get(), {0, 0, frame.width, render::header_height(frame)}},
         m_ticker ? render::Layer{m_ticker->layer(), m_ticker->where()} : render::Layer{}});
}

void Player::present_still() const {
    const render::Frame frame = m_screen.frame();
    present(render::Layer{m_current->layer.get(), {0, 0, frame.width, frame.height}},
            render::Layer{});
}

UpdateResult Player::update(const model::Instant& now) {
    UpdateResult result;
    m_film_pictures = 0;
    render::ClockFace face = render::format_clock(
        std::chrono::floor<std::chrono::seconds>(now.wall), *m_options.zone, m_theme.date_style);
    if (m_options.header_status) {
        face.status = m_options.header_status(std::chrono::floor<std::chrono::seconds>(now.wall));
    }
    if (face != m_clock) {
        paint_header(face);
        m_clock = face;
        m_needs_present = true;
    }

    if (!m_current) {
        m_current = prepare_next(now);
        m_needs_present = true;
        result.slide_settled = true;
    }
    if (m_ticker && (!m_ticker_due || now.monotonic >= *m_ticker_due)) {
        if (!m_ticker_due) {
            m_ticker_start = now.monotonic;
        }
        m_ticker->paint(now.monotonic - m_ticker_start);
        m_ticker_due = now.monotonic + m_options.ticker_frame_interval;
        m_needs_present = true;
    }
    if (!m_incoming && now.monotonic >= m_current->until) {
        Slide next = prepare_next(now);
        if (next.item == m_current->item && next.language == m_current->language) {
            // Only one item is eligible: it stays, freshly painted (an event's "あと N 日" may
            // have changed), without fading into itself.
            keep_film_going(*m_current, next);
            retire(*m_current);
            m_current = std::move(next);
            m_needs_present = true;
        } else {
            m_incoming = std::move(next);
            m_fade_start = now.monotonic;
        }
    }

    m_film_pictures += advance_films(now);
    if (m_film_pictures > 0 && !m_incoming) {
        m_needs_present = true;
    }

    const render::Frame frame = m_screen.frame();
    if (m_incoming) {
        const auto length = render::transition_length(m_options.transition, m_options.crossfade);
        const double progress = length.count() == 0
                                    ? 1.0
                                    : std::chrono::duration<double>(now.monotonic - m_fade_start) /
                                          std::chrono::duration<double>(length);
        if (progress >= 1.0) {
            retire(*m_current);
            m_current = std::move(m_incoming);
            m_incoming.reset();
            m_needs_present = true;
            result.slide_settled = true;
        } else {
            // The composition (alpha, offsets, easing) is render's; the player only asks.
            const render::TransitionFrame layers =
                render::compose_transition(m_options.transition, m_current->layer.get(),
                                           m_incoming->layer.get(), frame, progress);
            present(layers.outgoing, layers.incoming);
            result.presented = true;
            m_needs_present = false;
        }
    }
    if (m_needs_present) {
        present_still();
        result.presented = true;
        m_needs_present = false;
    }

    if (!m_incoming && !m_planned) {
        plan_next(now, m_current->until);
    }
    result.film_pictures = m_film_pictures;
    result.item_id = item_id(*m_current);
    result.language = m_current->language;
    result.transitioning = m_incoming.has_value();
    result.dark_on_purpose = m_current->blank && !m_incoming;
    result.next_deadline = std::min(m_current->until, next_minute(now));
    if (m_ticker_due) {
        result.next_deadline = std::min(result.next_deadline, *m_ticker_due);
    }
    if (m_incoming) {
        result.next_deadline = now.monotonic + m_options.frame_interval;
    }
    open_film_ahead(now);
    result.next_deadline = film_deadline(now, result.next_deadline);
    return result;
}

void Player::resume_after(render::TextureHandle last_frame, const model::Instant& now) {
    const render::Frame frame = m_screen.frame();
    Slide last;
    last.layer =
        last_frame ? std::move(last_frame) : m_screen.make_opaque_layer(frame.width, frame.height);
    last.shown_at = now.monotonic;
    last.until = now.monotonic;
    m_current = std::move(last);
    // Whatever the schedule says now fades in over the alert, as any slide change would.
    m_incoming = prepare_next(now);
    m_fade_start = now.monotonic;
    m_needs_present = true;
}

std::optional<CarriedSlide> Player::take_slide() {
    std::optional<Slide>& shown = m_incoming ? m_incoming : m_current;
    if (!shown || !shown->layer) {
        return std::nullopt;
    }
    CarriedSlide carried{std::move(shown->layer), item_id(*shown), shown->until,
                         std::move(shown->film)};
    m_incoming.reset();
    m_current.reset();
    return carried;
}

void Player::continue_from(CarriedSlide slide) {
    Slide carried;
    carried.layer = std::move(slide.layer);
    carried.carried_id = slide.item_id;
    carried.film = std::move(slide.film);
    m_just_shown = std::move(slide.item_id);
    carried.until = slide.until;
    m_current = std::move(carried);
    m_incoming.reset();
    m_needs_present = true;
}

}  // namespace keiji::play
