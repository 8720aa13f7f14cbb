#include "checks/slide_shot.hpp"

#include "render/canvas.hpp"
#include "render/clock_face.hpp"
#include "schedule/event_state.hpp"
#include "storage/playlist_file.hpp"

namespace keiji::checks {

render::PaintReport paint_shot(CheckRenderer& renderer, const model::Item& original,
                               const ShotSetup& setup) {
    model::Item item = original;
    if (std::string* image = model::image_of(item)) {
        *image = storage::resolve_asset(setup.base_directory, *image);
    }
    // Painted the way the player paints: the slide and the header into opaque layers, composed
    // by Screen::present. Blending text into a layer rounds differently from blending it into the
    // screen itself (by a level or two at glyph edges), and the preview must be the screen's
    // picture pixel for pixel.
    render::Screen& screen = renderer.screen();
    const render::Frame frame = screen.frame();
    const int header_height = render::header_height(frame);
    SDL_Texture* slide = renderer.slide_layer();
    SDL_Texture* header = renderer.header_layer();
    render::Canvas canvas(screen.renderer(), renderer.fonts(), &renderer.images());
    render::SlideContext context{
        .language = setup.language, .zone = setup.zone, .language_label = setup.language_label};
    if (const auto* event = std::get_if<model::EventContent>(&item.content)) {
        context.event = schedule::event_state(*event, setup.at, *setup.zone);
    }
    screen.target(slide);
    render::PaintReport report = render::paint_slide(canvas, frame, item, context, setup.theme);
    screen.target(header);
    render::paint_header(canvas, frame, setup.header_title,
                         render::format_clock(setup.at, *setup.zone), setup.theme);
    screen.target(nullptr);
    screen.present({render::Layer{slide, {0, 0, frame.width, frame.height}},
                    render::Layer{header, {0, 0, frame.width, header_height}}});
    return report;
}

}  // namespace keiji::checks
