#include "checks/slide_shot.hpp"

#include "render/canvas.hpp"
#include "render/clock_face.hpp"
#include "schedule/event_state.hpp"
#include "storage/playlist_file.hpp"

namespace keiji::checks {

render::PaintReport paint_shot(render::Screen& screen, render::FontSet& fonts,
                               const model::Item& original, const ShotSetup& setup) {
    model::Item item = original;
    if (std::string* image = model::image_of(item)) {
        *image = storage::resolve_asset(setup.base_directory, *image);
    }
    screen.target(nullptr);
    render::Canvas canvas(screen.renderer(), fonts);
    render::SlideContext context{.language = setup.language, .zone = setup.zone};
    if (const auto* event = std::get_if<model::EventContent>(&item.content)) {
        context.event = schedule::event_state(*event, setup.at, *setup.zone);
    }
    const render::Frame frame = screen.frame();
    render::PaintReport report = render::paint_slide(canvas, frame, item, context, setup.theme);
    render::paint_header(canvas, frame, setup.header_title,
                         render::format_clock(setup.at, *setup.zone), setup.theme);
    SDL_RenderPresent(screen.renderer());
    return report;
}

}  // namespace keiji::checks
