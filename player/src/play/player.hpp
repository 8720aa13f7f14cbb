#pragma once

#include <date/tz.h>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/clock.hpp"
#include "model/item.hpp"
#include "model/playlist.hpp"
#include "play/slide_film.hpp"
#include "render/clock_face.hpp"
#include "render/font_set.hpp"
#include "render/image_cache.hpp"
#include "render/screen.hpp"
#include "render/slide_painter.hpp"
#include "render/theme.hpp"
#include "render/ticker.hpp"
#include "render/transition.hpp"
#include "schedule/planner.hpp"
#include "schedule/slide_language.hpp"

namespace keiji::play {

enum class LanguageLayout { rotate, bilingual, split };

struct PlayerOptions {
    // The first slide's photo, decoding since before the window opened (see first_photo in
    // content_loader.hpp): taken instead of decoded again. Empty: none.
    std::string first_photo;
    render::PhotoDecode first_photo_decode;
    std::string header_title{render::default_header_title};
    std::string language = "ja";
    // The languages the screen shows, in order (the config's "languages"); each item is shown in
    // the ones it has, one per appearance in turn (schedule::LanguageRotation). Empty: only
    // `language`, and no language label.
    std::vector<std::string> languages;
    // How an item of several languages shows them: one per appearance in turn (rotate); the
    // title in its first language with one of its others under it, in turn, named in the label
    // (bilingual); or every appearance split into equal parts, one per language (split).
    LanguageLayout language_layout = LanguageLayout::rotate;
    std::chrono::milliseconds crossfade{1000};  // Length of every transition but a cut.
    // Pace of transition frames: about 60 a second (30 when drawn in software, play_session.cpp).
    std::chrono::milliseconds frame_interval{16};
    render::TransitionKind transition = render::TransitionKind::crossfade;
    render::DateStyle date_style = render::DateStyle::gregorian;  // 令和 in the header, or not.
    // Short notices scrolling in a band at the bottom; empty: no ticker, and a still slide
    // costs nothing between minutes.
    std::vector<std::string> ticker;
    std::chrono::milliseconds ticker_frame_interval{33};  // About 30 frames a second.
    const date::time_zone* zone = nullptr;
    std::optional<model::OpeningHours> opening_hours;  // None: open around the clock.
    // A note for the header at a given time (最終更新 … when the content may be stale); empty
    // function or empty text: none.
    std::function<std::string(model::TimePoint)> header_status;
    // Films: wait for each picture to be decoded before its time (a headless run on a virtual
    // clock, which does not wait for the decoder's thread); a screen in real time never waits.
    bool wait_for_pictures = false;
};

// What one update did, and when the player next needs to run.
struct UpdateResult {
    std::chrono::steady_clock::time_point next_deadline;
    bool presented = false;        // A frame was shown.
    bool slide_settled = false;    // A new slide is now fully on screen (a crossfade just ended).
    std::string item_id;           // The item on screen ("" for the idle screen).
    std::string language;          // The language it is shown in (proof of play records it).
    bool transitioning = false;    // A transition is under way: the frame is a blend of two.
    bool dark_on_purpose = false;  // Closed with "outside_hours": "blank": black is right.
    int film_pictures = 0;         // Pictures of films painted for this frame.
};

// The slide on screen when a player is replaced (the content was reloaded): the new player keeps
// it up until its time is over, then continues with its own content.
struct CarriedSlide {
    render::TextureHandle layer;
    std::string item_id;
    std::chrono::steady_clock::time_point until;
    std::unique_ptr<SlideFilm> film;  // A film keeps playing in the carried layer.
};

// The playback state machine: which slide is on screen, crossfades, and the header clock. It
// draws only when something changes and tells the caller when that will next be, so a still
// slide costs nothing between minutes. Time is always passed in.
class Player {
public:
    Player(render::Screen& screen, render::FontSet& fonts, std::vector<model::Item> items,
           PlayerOptions options);
    // The planner keeps a view of the items, so a player stays where it was built.
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;

    UpdateResult update(const model::Instant& now);
    // Shows the current frame again on the next update (the window was exposed or resized).
    void invalidate() {
        m_screen.damage_all();
        m_needs_present = true;
    }
    // An alert takeover ended: normal content comes back with a crossfade from `last_frame`,
    // the takeover's last frame (empty: from nothing). Painting starts at the next update.
    void resume_after(render::TextureHandle last_frame, const model::Instant& now);

    // Hands over the slide on screen (the one fading in, during a transition), for the player
    // that replaces this one. Nothing when nothing was painted yet.
    [[nodiscard]] std::optional<CarriedSlide> take_slide();
    // Starts with `slide`, the previous player's, on screen until its time is over, and then
    // goes on with this player's content (with the usual transition). Call before the first
    // update.
    void continue_from(CarriedSlide slide);

private:
    struct Slide {
        render::TextureHandle layer;
        std::optional<std::size_t> item;  // nullopt: the idle or closed screen.
        bool blank = false;               // Closed with OutsideHours::blank: black, no header.
        std::string carried_id;           // A slide of the previous content (continue_from).
        std::string language;             // The language the item is shown in.
        std::chrono::steady_clock::time_point shown_at{};
        std::chrono::steady_clock::time_point until{};
        std::unique_ptr<SlideFilm> film;  // A video item's film, playing in the layer.
        render::Rect film_where{};        // Its place in the layer.
    };

    // Decides what appears at `at` and starts decoding its photo on a worker thread. Called as
    // soon as a slide is settled, so the photo is decoded while the current slide is up and the
    // next slide's layer is painted complete, without waiting on the disk, before its
    // transition's first frame; no extra wake-up is needed for it.
    void plan_next(const model::Instant& now, std::chrono::steady_clock::time_point at);
    Slide prepare_next(const model::Instant& now);
    // A layer the size of the screen for the next slide: the spare one when there is one.
    render::TextureHandle slide_layer();
    // The slide leaves the screen: its layer becomes the spare.
    void retire(Slide& slide);
    void paint_header(const render::ClockFace& face);
    // Films (player_films.cpp). The film of a video item: the one opened ahead when it was
    // planned, else opened now; its first picture decoded, so the slide never shows black.
    std::unique_ptr<SlideFilm> film_for(std::size_t item);
    // The only eligible item stays, painted again into `next`: a looping film goes on in it
    // instead of starting again.
    void keep_film_going(Slide& current, Slide& next);
    // Opens the film of the planned item ahead, in the last seconds of the slide before it: its
    // first pictures are decoded by the time it appears, and a film does not hold a second
    // decoder's memory through a long slot.
    void open_film_ahead(const model::Instant& now);
    // Paints the pictures due at `now` on the slides on screen; how many.
    int advance_films(const model::Instant& now);
    // The earliest next picture of the films on screen, or `deadline`.
    [[nodiscard]] std::chrono::steady_clock::time_point film_deadline(
        const model::Instant& now, std::chrono::steady_clock::time_point deadline);
    // Composes the slide layers with the header and the ticker on top, and shows the frame.
    void present(const render::Layer& outgoing, const render::Layer& incoming) const;
    void present_still() const;
    [[nodiscard]] std::string item_id(const Slide& slide) const;
    // The fonts for a slide in `language` (Chinese and Korean in their own glyph forms), made
    // once per language; the screen's own set when that fails.
    render::FontSet& fonts_for(const std::string& language);

    render::Screen& m_screen;
    render::FontSet& m_fonts;
    std::vector<model::Item> m_items;
    PlayerOptions m_options;
    render::Theme m_theme;
    // Each playlist's own theme (model::Item::theme), resolved once against m_theme.
    std::map<const model::ThemeSpec*, render::Theme> m_playlist_themes;
    schedule::Planner m_planner;  // Declared after m_items and m_options, which it views.
    schedule::LanguageRotation m_languages;
    std::map<std::string, render::FontSet, std::less<>> m_language_fonts;
    // The split layout: the languages still to come of the item on screen, each for `part`.
    struct SplitRest {
        std::size_t item = 0;
        std::vector<std::string> languages;
        std::chrono::seconds part{};
    };
    std::optional<SplitRest> m_split;
    // The language of a slide of `item` whose slot is `length` long, and how long it stays
    // (shorter than `length` in the split layout); sets `second` in the bilingual layout.
    std::pair<std::string, std::chrono::seconds> language_for(std::size_t item,
                                                              std::chrono::seconds length,
                                                              std::string& second);

    render::ImageCache m_images;
    // What prepare_next() paints next, and the moment it was planned for.
    std::optional<schedule::Decision> m_planned;
    std::chrono::steady_clock::time_point m_planned_for{};
    // The film of m_planned, opened ahead (open_film_ahead), and its item.
    std::unique_ptr<SlideFilm> m_next_film;
    int m_film_pictures = 0;  // Painted during this update (UpdateResult::film_pictures).
    std::size_t m_next_film_item = 0;
    bool m_film_ahead_tried = false;  // For this plan: opened, or failed and logged.
    std::string m_just_shown;  // The carried slide's item (continue_from), until the next plan.
    std::optional<render::Ticker> m_ticker;
    std::chrono::steady_clock::time_point m_ticker_start{};
    std::optional<std::chrono::steady_clock::time_point> m_ticker_due;

    render::TextureHandle m_header;
    std::optional<render::ClockFace> m_clock;
    std::optional<Slide> m_current;
    std::optional<Slide> m_incoming;  // Fading in over m_current.
    // The layer of the slide that last left the screen, painted over by the next one: a new
    // frame-sized layer costs the kernel a page fault per 4 KiB and SDL a clear, a third of the
    // player's CPU at a slide every 5 s. Its pixels' memory is released while it waits
    // (Screen::release_pixels): the address space is kept, and SDL's clear is saved.
    render::TextureHandle m_spare_layer;
    std::chrono::steady_clock::time_point m_fade_start{};
    bool m_needs_present = true;
};

}  // namespace keiji::play
