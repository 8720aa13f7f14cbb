#include "app/play_session.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "app/config_loader.hpp"
#include "app/content_source.hpp"
#include "app/log.hpp"
#include "render/transition.hpp"

namespace keiji::app {

namespace {

// The self-check's fingerprint: big enough that two different slides differ, small enough to
// compose and read back in well under a millisecond.
constexpr int sample_width = 64;
constexpr int sample_height = 36;

// How much longer the slide on screen may stay after a reload: enough not to cut a sentence
// mid-read, short enough that whoever changed the content sees it on screen at once.
constexpr std::chrono::seconds carry_at_most{5};

render::Rotation rotation_of(const PlayOptions& options) {
    return render::rotation_from_degrees(options.rotation.value_or(0))
        .value_or(render::Rotation::none);
}

std::expected<render::Screen, std::string> open_screen(const PlayOptions& options) {
    const int width = options.size_given || !options.headless ? options.width : 1920;
    const int height = options.size_given || !options.headless ? options.height : 1080;
    if (options.headless) {
        return render::Screen::open_headless(width, height, rotation_of(options));
    }
    return render::Screen::open_window(
        width, height,
        options.fullscreen ? render::WindowMode::fullscreen : render::WindowMode::windowed,
        rotation_of(options));
}

PlayerOptions player_options(const PlayOptions& options, const date::time_zone* zone,
                             const std::optional<model::OpeningHours>& opening_hours,
                             const sync::SyncWorker* sync, const render::Screen& screen) {
    std::function<std::string(model::TimePoint)> header_status;
    if (sync != nullptr && zone != nullptr) {
        const auto stale_after = std::chrono::minutes(std::llround(options.stale_after_minutes));
        header_status = [sync, zone, stale_after](model::TimePoint now) {
            const auto last = sync->last_success();
            return render::last_update_note(
                last
                    ? std::optional<model::TimePoint>(model::TimePoint(std::chrono::seconds(*last)))
                    : std::nullopt,
                now, stale_after, *zone);
        };
    }
    return PlayerOptions{
        .language = options.language,
        // A software-drawn crossfade frame at 1080p takes about 20 ms (make bench): 30 frames a
        // second look as smooth on a lobby screen and cost a third less than trying for 60.
        .frame_interval = std::chrono::milliseconds(screen.draws_in_software() ? 33 : 16),
        // Checked when the command line was read; a reload cannot change it.
        .transition = render::parse_transition(options.transition)
                          .value_or(render::TransitionKind::crossfade),
        .date_style =
            options.japanese_era ? render::DateStyle::japanese_era : render::DateStyle::gregorian,
        .ticker = options.ticker,
        .zone = zone,
        .opening_hours = opening_hours,
        .header_status = std::move(header_status)};
}

void log_content(const LoadedContent& content) {
    for (const model::Error& problem : content.problems) {
        log(Priority::warning, "content", problem.to_string());
    }
    log(Priority::info, "content",
        fmt::format("{} items from {} playlist(s): {}", content.items.size(),
                    content.playlist_files.size(), content.origin));
}

// What a reload reads again but cannot change in a running player.
void log_needs_restart(const PlayOptions& before, const PlayOptions& after) {
    std::string changed;
    const auto note = [&changed](bool differs, std::string_view what) {
        if (differs) {
            changed += changed.empty() ? "" : ", ";
            changed += what;
        }
    };
    note(before.width != after.width || before.height != after.height, "the screen size");
    note(before.state_directory != after.state_directory, "the state directory");
    note(before.mqtt_url != after.mqtt_url || before.mqtt_topic != after.mqtt_topic ||
             before.alert_url != after.alert_url,
         "the alert channels");
    if (!changed.empty()) {
        log(Priority::notice, "config",
            fmt::format("{} changed: this takes effect at the next start", changed));
    }
}

}  // namespace

std::string resolve_content_path(const std::string& content) {
    // Run from the source tree, "playlists" is the bundled content; installed, it lives in the
    // data directory (a kiosk's working directory is its state directory).
    if (std::error_code error;
        content == PlayOptions{}.content && !std::filesystem::exists(content, error)) {
        return KEIJI_INSTALLED_PLAYLISTS;
    }
    return content;
}

std::expected<std::unique_ptr<PlaySession>, std::string> PlaySession::open(Setup setup,
                                                                           LoadedContent content,
                                                                           render::FontSet fonts,
                                                                           const Instant& first) {
    auto screen = open_screen(setup.options);
    if (!screen) {
        return std::unexpected(screen.error());
    }
    std::unique_ptr<PlaySession> session(new PlaySession(std::move(setup), std::move(content),
                                                         std::move(fonts), std::move(*screen)));
    // Alerts come first: a saved, unexpired alert is on screen before any content is drawn.
    session->build_takeover();
    session->m_restored_alert_shown =
        show_restored_alerts(session->m_setup.alerts, *session->m_takeover, first);
    session->build_player(std::nullopt);
    return session;
}

PlaySession::PlaySession(Setup setup, LoadedContent content, render::FontSet fonts,
                         render::Screen screen)
    : m_setup(std::move(setup)),
      m_content(std::move(content)),
      m_fonts(std::move(fonts)),
      m_screen(std::move(screen)) {
    const char* fault = std::getenv("KEIJI_TEST_FAULT");
    m_fault_black_pending = fault != nullptr && std::string_view(fault) == "black";
}

PlaySession::~PlaySession() {
    // Textures before the renderer that made them.
    m_stage.reset();
    m_player.reset();
    m_takeover.reset();
}

void PlaySession::build_takeover() {
    m_stage.reset();
    m_takeover = std::make_unique<AlertTakeover>(
        m_screen, *m_setup.zone,
        std::chrono::milliseconds(std::llround(m_setup.options.alert_rotation_seconds * 1000)));
    if (m_setup.alerts != nullptr) {
        if (auto active = m_setup.alerts->active(); !active.empty()) {
            m_takeover->show(std::move(active));
        }
    }
}

void PlaySession::build_player(std::optional<CarriedSlide> carried) {
    m_stage.reset();
    m_player.reset();
    m_player =
        std::make_unique<Player>(m_screen, m_fonts, m_content.items,
                                 player_options(m_setup.options, m_setup.zone,
                                                m_content.opening_hours, m_setup.sync, m_screen));
    if (carried) {
        m_player->continue_from(std::move(*carried));
    }
    m_stage = std::make_unique<Stage>(*m_player, *m_takeover, m_setup.alerts);
    m_rebuilt = true;
}

StageResult PlaySession::update(const Instant& now) {
    m_rebuilt = false;
    if (m_setup.sync != nullptr && m_setup.sync->take_update()) {
        feed_updated(now);
    }
    StageResult shown = m_stage->update(now);
    check_frame(shown, now);
    if (m_fault_black_pending && shown.content.slide_settled && ++m_slides_settled == 2) {
        m_fault_black_pending = false;
        log(Priority::notice, "self-check",
            "KEIJI_TEST_FAULT=black: the output turns black from the next frame (a test)");
        m_screen.simulate_black_output();
    }
    if (m_rebuilt) {
        shown.next_deadline = now.monotonic;
    }
    return shown;
}

void PlaySession::check_frame(const StageResult& shown, const Instant& now) {
    const bool alert = !shown.alert_id.empty();
    if (!(alert ? shown.alert_frame : shown.content.presented) || shown.content.transitioning) {
        return;  // Nothing new on screen, or a blend of two slides: nothing to judge.
    }
    const std::string picture =
        alert ? fmt::format("alert {} [{}]", shown.alert_id, shown.alert_language)
              : (shown.content.item_id.empty() ? std::string("(idle screen)")
                                               : shown.content.item_id);
    if (!m_watch.wants_sample(picture, now.monotonic)) {
        return;
    }
    auto sample = m_screen.sample_last_frame(sample_width, sample_height);
    if (!sample) {
        log(Priority::warning, "self-check", sample.error());
        return;
    }
    const FrameWatch::Verdict verdict = m_watch.judge(
        FrameSample{sample->width, sample->height, std::move(sample->luma)},
        FrameExpectation{.picture = picture, .dark_on_purpose = shown.content.dark_on_purpose},
        now.monotonic);
    if (verdict.problem == FrameProblem::none) {
        return;
    }
    if (!verdict.recover) {
        log(Priority::warning, "self-check", verdict.reason);
        return;
    }
    recover(verdict.reason, now);
}

void PlaySession::recover(const std::string& why, const Instant& now) {
    log(Priority::error, "self-check",
        fmt::format("{}; recovering: reloading the content and recreating the renderer", why));
    // Every texture goes before the renderer that made it.
    m_stage.reset();
    m_player.reset();
    m_takeover.reset();
    if (auto recreated = m_screen.recreate_renderer(); !recreated) {
        log(Priority::error, "self-check",
            fmt::format("{}; stopping so that systemd starts the player afresh",
                        recreated.error()));
        m_broken = true;
        return;
    }
    LoadedContent content = load_screen_content(content_source_of(m_setup.options));
    log_content(content);
    if (!content.playlist_files.empty() || m_content.playlist_files.empty()) {
        m_content = std::move(content);
    }
    build_takeover();
    build_player(std::nullopt);
    m_watch.recovered(now.monotonic);
    log(Priority::notice, "self-check",
        fmt::format("recovered: {} items, renderer recreated", m_content.items.size()));
}

void PlaySession::renderer_reset(const Instant& now) {
    log(Priority::warning, "render", "the renderer lost its textures: painting everything again");
    build_takeover();
    build_player(std::nullopt);
    m_watch.recovered(now.monotonic);
}

void PlaySession::reload(const Instant& now) {
    log(Priority::notice, "config",
        "SIGHUP: reading the configuration and the playlists again; the slide on screen stays");
    PlayOptions options = m_setup.options;
    if (m_setup.sync != nullptr) {
        m_setup.sync->sync_now();  // "Reload" also means: look for new content now.
    }
    if (m_setup.given.config_file) {
        if (const auto config =
                load_config_file(*m_setup.given.config_file, ConfigFallback::previous)) {
            options = with_config(m_setup.given, *config);
            options.content = resolve_content_path(options.content);
        }
    }
    log_needs_restart(m_setup.options, options);

    LoadedContent content = load_screen_content(content_source_of(options));
    log_content(content);
    if (content.playlist_files.empty() && !m_content.playlist_files.empty()) {
        log(Priority::error, "content",
            fmt::format("no playlist could be read from {}: the previous content keeps playing",
                        options.content));
        content = m_content;
    }

    std::optional<CarriedSlide> carried = m_player->take_slide();
    if (carried) {
        carried->until = std::min(carried->until, now.monotonic + carry_at_most);
    }
    m_stage.reset();
    m_player.reset();
    if (options.language != m_setup.options.language) {
        auto fonts = render::FontSet::create(render::FontSet::chain_for_language(options.language));
        if (fonts) {
            m_fonts = std::move(*fonts);
        } else {
            log(Priority::error, "render",
                fmt::format("{}; the language stays {}", fonts.error(), m_setup.options.language));
            options.language = m_setup.options.language;
        }
    }
    if (const render::Rotation before = m_screen.rotation(); rotation_of(options) != before) {
        // The frame changes shape: nothing painted before fits, the new content starts at once.
        carried.reset();
        m_takeover.reset();
        if (auto turned = m_screen.set_rotation(rotation_of(options)); !turned) {
            log(Priority::error, "render", turned.error() + "; the rotation stays as it was");
            (void)m_screen.set_rotation(before);
            options.rotation = int(before);
        }
        build_takeover();
        log(Priority::info, "render",
            fmt::format("rotation {}°: the frame is now {}×{}", int(m_screen.rotation()),
                        m_screen.frame().width, m_screen.frame().height));
    }
    m_setup.options = options;
    m_content = std::move(content);
    m_setup.services->reconfigure(options.screen_id, options.language, m_content.items);
    build_player(std::move(carried));
}

void PlaySession::feed_updated(const Instant& now) {
    LoadedContent content = load_screen_content(content_source_of(m_setup.options));
    log_content(content);
    if (content.items.empty()) {
        log(Priority::error, "content",
            "the new feed has nothing to play: the previous content keeps playing");
        return;
    }
    std::optional<CarriedSlide> carried = m_player->take_slide();
    if (carried) {
        carried->until = std::min(carried->until, now.monotonic + carry_at_most);
    }
    m_content = std::move(content);
    m_setup.services->reconfigure(m_setup.options.screen_id, m_setup.options.language,
                                  m_content.items);
    build_player(std::move(carried));
}

}  // namespace keiji::app
