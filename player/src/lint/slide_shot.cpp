#include "lint/slide_shot.hpp"

#include <filesystem>

#include "render/canvas.hpp"
#include "render/clock_face.hpp"
#include "schedule/event_state.hpp"

namespace keiji::lint {

namespace {

void resolve(std::string& image, const std::string& base_directory) {
    if (!image.empty() && !std::filesystem::path(image).is_absolute()) {
        image = (std::filesystem::path(base_directory) / image).lexically_normal().string();
    }
}

}  // namespace

render::PaintReport paint_shot(render::Screen& screen, render::FontSet& fonts,
                               const model::Item& original, const ShotSetup& setup) {
    model::Item item = original;
    if (auto* promo = std::get_if<model::PromoContent>(&item.content)) {
        resolve(promo->image, setup.base_directory);
    } else if (auto* event = std::get_if<model::EventContent>(&item.content)) {
        resolve(event->image, setup.base_directory);
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

}  // namespace keiji::lint
