// PlaySession's two ways of taking new content while playing: SIGHUP (settings and playlists
// read again) and a new feed from the sync worker.
#include <fmt/format.h>

#include <algorithm>

#include "kiosk/log.hpp"
#include "play/content_source.hpp"
#include "play/play_session.hpp"
#include "play/settings_file.hpp"
#include "play/settings_table.hpp"

namespace keiji::play {

namespace {

// How much longer the slide on screen may stay after a reload: enough not to cut a sentence
// mid-read, short enough that whoever changed the content sees it on screen at once.
constexpr std::chrono::seconds carry_at_most{5};

render::Rotation rotation_of(const Settings& settings) {
    return render::rotation_from_degrees(settings.rotation).value_or(render::Rotation::none);
}

// The settings a reload read again but a running player cannot change, from the table.
void log_needs_restart(const Settings& before, const Settings& after) {
    std::string changed;
    for (const Setting& setting : settings_table()) {
        if (setting.reload == OnReload::next_start &&
            setting.value->show(before) != setting.value->show(after)) {
            changed += fmt::format("{}{}", changed.empty() ? "" : ", ", setting.name);
        }
    }
    if (!changed.empty()) {
        kiosk::log(kiosk::Priority::notice, "config",
                   fmt::format("{} changed: this takes effect at the next start", changed));
    }
}

}  // namespace

std::optional<CarriedSlide> PlaySession::take_slide(const model::Instant& now) {
    std::optional<CarriedSlide> carried = m_player->take_slide();
    if (carried) {
        carried->until = std::min(carried->until, now.monotonic + carry_at_most);
    }
    return carried;
}

void PlaySession::reload(const model::Instant& now) {
    kiosk::log(kiosk::Priority::notice, "config",
               "SIGHUP: reading the configuration and the playlists again; the slide on screen "
               "stays");
    if (m_setup.sync != nullptr) {
        m_setup.sync->sync_now();  // "Reload" also means: look for new content now.
    }
    const LoadedSettings loaded = load_settings(m_setup.command_line);
    log_settings_problems(loaded.problems, loaded.file_unusable, /*at_start=*/false);
    Settings settings = loaded.file_unusable ? m_setup.settings : loaded.settings.values;
    log_needs_restart(m_setup.settings, settings);

    LoadedContent content = load_screen_content(content_source_of(settings));
    log_content(content);
    if (content.playlist_files.empty() && !m_content.playlist_files.empty()) {
        kiosk::log(kiosk::Priority::error, "content",
                   fmt::format("no playlist could be read from {}: the previous content keeps "
                               "playing",
                               settings.content));
        content = m_content;
    }

    std::optional<CarriedSlide> carried = take_slide(now);
    m_stage.reset();
    m_player.reset();
    if (settings.language() != m_setup.settings.language()) {
        auto fonts =
            render::FontSet::create(render::FontSet::chain_for_language(settings.language()));
        if (fonts) {
            m_fonts = std::move(*fonts);
        } else {
            kiosk::log(kiosk::Priority::error, "render",
                       fmt::format("{}; the language stays {}", fonts.error().text(),
                                   m_setup.settings.language()));
            settings.languages = m_setup.settings.languages;
        }
    }
    if (const render::Rotation before = m_screen.rotation(); rotation_of(settings) != before) {
        // The frame changes shape: nothing painted before fits, the new content starts at once.
        carried.reset();
        m_takeover.reset();
        if (auto turned = m_screen.set_rotation(rotation_of(settings)); !turned) {
            kiosk::log(kiosk::Priority::error, "render",
                       turned.error().text() + "; the rotation stays as it was");
            if (auto back = m_screen.set_rotation(before); !back) {
                kiosk::log(kiosk::Priority::error, "render", back.error().text());
            }
            settings.rotation = int(before);
        }
        build_takeover();
        kiosk::log(kiosk::Priority::info, "render",
                   fmt::format("rotation {}°: the frame is now {}×{}", int(m_screen.rotation()),
                               m_screen.frame().width, m_screen.frame().height));
    }
    m_setup.settings = std::move(settings);
    m_content = std::move(content);
    m_setup.services->reconfigure(m_setup.settings.screen_id, m_setup.settings.language(),
                                  m_content.items);
    build_player(std::move(carried));
}

void PlaySession::feed_updated(const model::Instant& now) {
    LoadedContent content = load_screen_content(content_source_of(m_setup.settings));
    log_content(content);
    if (content.items.empty()) {
        kiosk::log(kiosk::Priority::error, "content",
                   "the new feed has nothing to play: the previous content keeps playing");
        return;
    }
    std::optional<CarriedSlide> carried = take_slide(now);
    m_content = std::move(content);
    m_setup.services->reconfigure(m_setup.settings.screen_id, m_setup.settings.language(),
                                  m_content.items);
    build_player(std::move(carried));
}

}  // namespace keiji::play
