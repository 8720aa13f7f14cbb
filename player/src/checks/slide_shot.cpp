#include "checks/slide_shot.hpp"

#include "media/video_decoder.hpp"
#include "media/video_painter.hpp"
#include "render/canvas.hpp"
#include "render/clock_face.hpp"
#include "schedule/event_state.hpp"
#include "storage/playlist_file.hpp"

namespace keiji::checks {

namespace {

// The first picture of a video item without a poster; nothing for other items, or when the
// film cannot be read (its check says why).
std::optional<media::VideoFrame> film_picture(const model::Item& item) {
    const model::VideoContent* video = model::video_of(item);
    if (video == nullptr || !video->poster.empty()) {
        return std::nullopt;
    }
    auto decoder = media::VideoDecoder::open(video->video);
    if (!decoder) {
        return std::nullopt;
    }
    return (*decoder)->next_frame(std::chrono::seconds{10});
}

}  // namespace

render::PaintReport paint_shot(CheckRenderer& renderer, const model::Item& original,
                               const ShotSetup& setup) {
    model::Item item = original;
    for (std::string* used : model::files_of(item)) {
        *used = storage::resolve_asset(setup.base_directory, *used);
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
    // A film without a poster is previewed with its first picture, as the screen starts it.
    const std::optional<media::VideoFrame> first_picture = film_picture(item);
    if (first_picture) {
        context.film_width = first_picture->width();
        context.film_height = first_picture->height();
    }
    screen.target(slide);
    render::PaintReport report = render::paint_slide(canvas, frame, item, context, setup.theme);
    screen.target(header);
    render::paint_header(canvas, frame, setup.header_title,
                         render::format_clock(setup.at, *setup.zone), setup.theme);
    screen.target(nullptr);
    if (first_picture) {
        media::VideoPainter painter(screen);
        if (auto painted = painter.paint(*first_picture, slide, report.film); !painted) {
            report.problems.push_back(painted.error().text());
        }
    }
    screen.present({render::Layer{slide, {0, 0, frame.width, frame.height}},
                    render::Layer{header, {0, 0, frame.width, header_height}}});
    return report;
}

}  // namespace keiji::checks
