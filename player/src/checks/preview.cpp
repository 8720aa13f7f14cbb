#include "checks/preview.hpp"

#include "checks/asset_check.hpp"
#include "checks/film_check.hpp"
#include "checks/slide_check.hpp"
#include "schedule/eligibility.hpp"
#include "schedule/slide_language.hpp"

namespace keiji::checks {

model::Result<SlidePreview> preview_item(const storage::PlaylistFile& file, std::size_t index,
                                         const ScreenUnderCheck& screen, CheckRenderer& renderer) {
    const model::Item& item = file.playlist.items.at(index);
    SlidePreview preview{.id = item.id,
                         .duration = item.duration,
                         .playing = schedule::is_eligible(item, screen.at, *screen.zone),
                         .problems = check_item_images(file, index, screen.frame)};
    FilmReport film = check_item_film(file, index, screen.frame);
    std::ranges::move(film.problems, std::back_inserter(preview.problems));
    preview.duration = film.slot.value_or(preview.duration);
    const SlideCheckSetup setup{
        .shot = {.language = screen.language,
                 .language_label = screen.languages.size() > 1
                                       ? schedule::language_name(screen.language)
                                       : std::string(),
                 .at = screen.at,
                 .zone = screen.zone,
                 .header_title = screen.header_title},
        .viewing = screen.viewing};
    // check_slide paints the slide and the header; what it leaves on the screen is the preview.
    for (model::Error& problem : check_slide(renderer, file, index, setup)) {
        preview.problems.push_back(std::move(problem));
    }
    preview.picture = KEIJI_TRY(renderer.screen().capture());
    return preview;
}

}  // namespace keiji::checks
