#include "cli/check_screen.hpp"

#include <fmt/format.h>

#include "play/settings_file.hpp"
#include "schedule/local_time.hpp"

namespace keiji::cli {

model::Result<checks::ScreenUnderCheck> CheckScreenOptions::screen() const {
    const play::SettingsLayer layer = KEIJI_TRY(m_options.read(play::in_checks));
    const play::LoadedSettings loaded = play::load_settings(layer);
    if (!loaded.problems.empty()) {
        const model::Error& first = loaded.problems.front();
        return model::failure(first.to_string());
    }
    const play::Settings& settings = loaded.settings.values;
    play::Settings headless = settings;
    headless.headless = true;  // The checks' default frame is a screen's, 1920×1080.
    const play::ScreenSize size = headless.frame_size();
    return checks::ScreenUnderCheck{
        .frame = {size.width, size.height},
        .language = settings.language(),
        .languages = settings.languages,
        .viewing = {.distance_m = settings.viewing_distance_m,
                    .diagonal_inches = settings.diagonal_inches},
        // The staff tools read the real clock at their edge, like the player's runtime.
        .at = settings.at.value_or(
            std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())),
        .zone = KEIJI_TRY(schedule::find_time_zone())};
}

}  // namespace keiji::cli
