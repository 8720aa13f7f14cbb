#include "play/play_session.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>

#include "kiosk/log.hpp"
#include "play/content_source.hpp"
#include "render/png.hpp"
#include "render/transition.hpp"

namespace keiji::play {

namespace {

// The self-check's fingerprint: big enough that two different slides differ, small enough to
// compose and read back in well under a millisecond.
constexpr int sample_width = 64;
constexpr int sample_height = 36;
// A look at the screen for the disaster office: enough to read a headline, small enough for MQTT.
constexpr int snapshot_width = 480;

model::Result<render::Screen> open_screen(const Settings& settings) {
    const ScreenSize size = settings.frame_size();
    const auto rotation =
        render::rotation_from_degrees(settings.rotation).value_or(render::Rotation::none);
    if (settings.headless) {
        return render::Screen::open_headless(size.width, size.height, rotation);
    }
    return render::Screen::open_window(
        size.width, size.height,
        settings.fullscreen ? render::WindowMode::fullscreen : render::WindowMode::windowed,
        rotation);
}

PlayerOptions player_options(const Settings& settings, const date::time_zone* zone,
                             const std::optional<model::OpeningHours>& opening_hours,
                             const sync::SyncWorker* sync, const render::Screen& screen) {
    std::function<std::string(model::TimePoint)> header_status;
    if (sync != nullptr && zone != nullptr) {
        const auto stale_after = std::chrono::minutes(settings.stale_after_minutes);
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
        .language = settings.language(),
        .languages = settings.languages,
        .language_layout = settings.language_layout == "bilingual" ? LanguageLayout::bilingual
                           : settings.language_layout == "split"   ? LanguageLayout::split
                                                                   : LanguageLayout::rotate,
        // Drawn in software, every transition frame costs the CPU and the display a full-screen
        // copy: 30 frames a second look as smooth on a lobby screen and cost half of 60.
        .frame_interval = std::chrono::milliseconds(screen.draws_in_software() ? 33 : 16),
        // Checked when the settings were read.
        .transition = render::parse_transition(settings.transition)
                          .value_or(render::TransitionKind::crossfade),
        .date_style =
            settings.japanese_era ? render::DateStyle::japanese_era : render::DateStyle::gregorian,
        .ticker = settings.ticker,
        .zone = zone,
        .opening_hours = opening_hours,
        .header_status = std::move(header_status),
        // A virtual clock jumps to the next picture's time at once: the decoder is waited for.
        .wait_for_pictures = settings.headless && !settings.realtime};
}

}  // namespace

void log_content(const LoadedContent& content) {
    for (const model::Error& problem : content.problems) {
        kiosk::log(kiosk::Priority::warning, "content", problem.to_string());
    }
    kiosk::log(kiosk::Priority::info, "content",
               fmt::format("{} items from {} playlist(s): {}", content.items.size(),
                           content.playlist_files.size(), content.origin));
}

void log_settings_problems(const model::Errors& problems, bool file_unusable, bool at_start) {
    const char* instead = !file_unusable ? "its default is used"
                          : at_start     ? "the default settings are used"
                                         : "the settings in use stay";
    for (const model::Error& problem : problems) {
        // "file:line:col: /pointer: message": the log line carries the severity itself.
        std::string where = problem.where.file;
        if (problem.where.line > 0) {
            where += fmt::format(":{}:{}", problem.where.line, problem.where.column);
        }
        kiosk::log(file_unusable ? kiosk::Priority::warning : kiosk::Priority::error, "config",
                   fmt::format("{}: {}{}{} ({})", where, problem.where.pointer,
                               problem.where.pointer.empty() ? "" : ": ", problem.text(), instead));
    }
}

model::Result<std::unique_ptr<PlaySession>> PlaySession::open(Setup setup, LoadedContent content,
                                                              render::FontSet fonts,
                                                              const model::Instant& first) {
    auto screen = KEIJI_TRY(open_screen(setup.settings));
    std::unique_ptr<PlaySession> session(
        new PlaySession(std::move(setup), std::move(content), std::move(fonts), std::move(screen)));
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
        std::chrono::milliseconds(std::llround(m_setup.settings.alert_rotation_seconds * 1000)));
    if (m_setup.alerts != nullptr) {
        if (auto active = m_setup.alerts->active(); !active.empty()) {
            m_takeover->show(std::move(active));
        }
    }
}

void PlaySession::build_player(std::optional<CarriedSlide> carried) {
    m_stage.reset();
    m_player.reset();
    PlayerOptions options = player_options(m_setup.settings, m_setup.zone, m_content.opening_hours,
                                           m_setup.sync, m_screen);
    options.first_photo = std::exchange(m_setup.first_photo, {});
    options.first_photo_decode = std::exchange(m_setup.first_photo_decode, {});
    m_player = std::make_unique<Player>(m_screen, m_fonts, m_content.items, std::move(options));
    if (carried) {
        m_player->continue_from(std::move(*carried));
    }
    m_stage = std::make_unique<Stage>(*m_player, *m_takeover, m_setup.alerts);
    m_rebuilt = true;
}

StageResult PlaySession::update(const model::Instant& now) {
    m_rebuilt = false;
    if (m_setup.sync != nullptr && m_setup.sync->take_update()) {
        feed_updated(now);
    }
    StageResult shown = m_stage->update(now);
    check_frame(shown, now);
    if (m_setup.alerts != nullptr) {
        if (const auto nonce = m_setup.alerts->take_snapshot_request(now.monotonic)) {
            answer_snapshot(*nonce, now);
        }
    }
    if (m_fault_black_pending && shown.content.slide_settled && ++m_slides_settled == 2) {
        m_fault_black_pending = false;
        kiosk::log(kiosk::Priority::notice, "self-check",
                   "KEIJI_TEST_FAULT=black: the output turns black from the next frame (a test)");
        m_screen.simulate_black_output();
    }
    if (m_rebuilt) {
        shown.next_deadline = now.monotonic;
    }
    return shown;
}

void PlaySession::check_frame(const StageResult& shown, const model::Instant& now) {
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
        kiosk::log(kiosk::Priority::warning, "self-check", sample.error().text());
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
        kiosk::log(kiosk::Priority::warning, "self-check", verdict.reason);
        return;
    }
    recover(verdict.reason, now);
}

// The disaster office asked what this screen shows: the last frame, at most 480 pixels wide.
void PlaySession::answer_snapshot(const std::string& nonce, const model::Instant& now) {
    const auto jpeg = [&]() -> model::Result<std::string> {
        render::SurfaceHandle frame = KEIJI_TRY(m_screen.capture());
        if (frame->w > snapshot_width) {
            frame = KEIJI_TRY(render::scaled_copy(*frame, snapshot_width));
        }
        return render::encode_jpeg(*frame, 80);
    }();
    if (!jpeg) {
        kiosk::log(kiosk::Priority::warning, "snapshot", jpeg.error().text());
        return;
    }
    m_setup.alerts->send_snapshot(nonce, *jpeg, std::chrono::floor<std::chrono::seconds>(now.wall));
    kiosk::log(kiosk::Priority::info, "snapshot",
               fmt::format("sent what the screen shows ({} bytes of JPEG)", jpeg->size()));
}

void PlaySession::recover(const std::string& why, const model::Instant& now) {
    kiosk::log(
        kiosk::Priority::error, "self-check",
        fmt::format("{}; recovering: reloading the content and recreating the renderer", why));
    // Every texture goes before the renderer that made it.
    m_stage.reset();
    m_player.reset();
    m_takeover.reset();
    if (auto recreated = m_screen.recreate_renderer(); !recreated) {
        kiosk::log(kiosk::Priority::error, "self-check",
                   fmt::format("{}; stopping so that systemd starts the player afresh",
                               recreated.error().text()));
        m_broken = true;
        return;
    }
    LoadedContent content = load_screen_content(content_source_of(m_setup.settings));
    log_content(content);
    if (!content.playlist_files.empty() || m_content.playlist_files.empty()) {
        m_content = std::move(content);
    }
    build_takeover();
    build_player(std::nullopt);
    m_watch.recovered(now.monotonic);
    kiosk::log(kiosk::Priority::notice, "self-check",
               fmt::format("recovered: {} items, renderer recreated", m_content.items.size()));
}

void PlaySession::renderer_reset(const model::Instant& now) {
    kiosk::log(kiosk::Priority::warning, "render",
               "the renderer lost its textures: painting everything again");
    build_takeover();
    build_player(std::nullopt);
    m_watch.recovered(now.monotonic);
}

}  // namespace keiji::play
