#pragma once

#include <memory>
#include <optional>
#include <string>

#include "kiosk/alert_runtime.hpp"
#include "kiosk/kiosk_services.hpp"
#include "model/clock.hpp"
#include "model/error.hpp"
#include "play/alert_takeover.hpp"
#include "play/content_loader.hpp"
#include "play/frame_watch.hpp"
#include "play/player.hpp"
#include "play/settings.hpp"
#include "play/stage.hpp"
#include "render/font_set.hpp"
#include "render/screen.hpp"
#include "sync/sync_worker.hpp"

namespace date {
class time_zone;
}

namespace keiji::play {

// Everything that draws, for the life of `keiji play`: the screen, the content's player, the
// alert takeover and the stage between them, plus the two ways they are rebuilt while running:
//  - reload() (SIGHUP): the configuration file and the playlists are read again; the slide on
//    screen stays until its time is over (at most a few seconds more) and the new content
//    follows with the usual transition. A broken configuration member falls back to its
//    default, an unreadable file or a folder without a single readable playlist keeps what was
//    playing.
//  - the self-check (FrameWatch): a black or frozen frame where content should be is logged and
//    cured by reloading the content and recreating the renderer.
class PlaySession {
public:
    struct Setup {
        SettingsLayer command_line;  // Read again with the file on every reload.
        Settings settings;           // What plays now: the command line over the file.
        const date::time_zone* zone = nullptr;
        kiosk::AlertRuntime* alerts = nullptr;  // Null when alerts are off.
        kiosk::KioskServices* services = nullptr;
        sync::SyncWorker* sync = nullptr;  // Null when no feed is configured.
        // The first slide's photo, decoding already (first_photo); for the first player only.
        std::string first_photo;
        render::PhotoDecode first_photo_decode;
    };

    // Opens the screen and shows the restored alerts (if any) before content. `first` is the
    // moment of the first frame.
    [[nodiscard]] static model::Result<std::unique_ptr<PlaySession>> open(
        Setup setup, LoadedContent content, render::FontSet fonts, const model::Instant& first);
    PlaySession(const PlaySession&) = delete;
    PlaySession& operator=(const PlaySession&) = delete;
    ~PlaySession();

    // One turn of the main loop: the stage's update, then the self-check of what it presented.
    // After a reload or a recovery the deadline is now, so the rebuilt stage runs at once.
    StageResult update(const model::Instant& now);
    // Reads the configuration and the playlists again (SIGHUP) at `now`.
    void reload(const model::Instant& now);
    // The sync worker made a new feed current: its content follows the slide on screen.
    void feed_updated(const model::Instant& now);
    // The renderer lost its textures (SDL_RENDER_TARGETS_RESET / DEVICE_RESET): paint again.
    void renderer_reset(const model::Instant& now);
    void invalidate() { m_stage->invalidate(); }

    [[nodiscard]] render::Screen& screen() { return m_screen; }
    [[nodiscard]] bool restored_alert_shown() const { return m_restored_alert_shown; }
    // The renderer could not be recreated: the loop should end with an error, for systemd to
    // restart the player.
    [[nodiscard]] bool broken() const { return m_broken; }

private:
    PlaySession(Setup setup, LoadedContent content, render::FontSet fonts, render::Screen screen);
    void build_takeover();
    void build_player(std::optional<CarriedSlide> carried);
    void check_frame(const StageResult& shown, const model::Instant& now);
    void answer_snapshot(const std::string& nonce, const model::Instant& now);
    void recover(const std::string& why, const model::Instant& now);
    // The slide on screen, to stay at most a few seconds more under new content.
    std::optional<CarriedSlide> take_slide(const model::Instant& now);

    Setup m_setup;
    LoadedContent m_content;  // What the player was built from, for a reload that finds nothing.
    render::FontSet m_fonts;
    render::Screen m_screen;
    // Declared after the screen: their textures go before its renderer.
    std::unique_ptr<AlertTakeover> m_takeover;
    std::unique_ptr<Player> m_player;
    std::unique_ptr<Stage> m_stage;
    FrameWatch m_watch;
    bool m_restored_alert_shown = false;
    bool m_broken = false;
    bool m_rebuilt = false;  // The stage was rebuilt during this turn.
    // KEIJI_TEST_FAULT=black: make the output black once, after the second slide, so a test can
    // watch the self-check find it and recover.
    bool m_fault_black_pending = false;
    int m_slides_settled = 0;
};

// Logs what content loading skipped, and what plays.
void log_content(const LoadedContent& content);
// Logs the problems of a configuration file, each with what happens instead.
void log_settings_problems(const model::Errors& problems, bool file_unusable, bool at_start);

}  // namespace keiji::play
