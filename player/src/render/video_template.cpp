// The video slide: the film as large as the area allows, letterboxed in black, and a band under
// it with the film's title and caption in the templates' type, so a passer-by knows what they
// are watching (and in which language the band speaks) without sound.
#include "render/template_parts.hpp"

namespace keiji::render::detail {

void paint_video(Canvas& canvas, const Layout& layout, const model::VideoContent& video,
                 const SlideContext& context, const Theme& theme, PaintReport& report) {
    const Frame frame = layout.frame;
    Rect film_box = layout.area;
    if (video.band) {
        const int title_size = theme.size(frame, theme.type.heading);
        const int caption_size = theme.size(frame, theme.type.label);
        const std::string_view caption = video.caption.pick(context.language);
        const int band_height =
            title_size * 16 / 10 + (caption.empty() ? 0 : caption_size * 14 / 10) + layout.gap;
        film_box.h -= band_height;
        const Rect band{0, film_box.y + film_box.h, frame.width, band_height};
        canvas.fill(band, theme.panel);
        const int strip = std::max(4, frame.unit(0.008));
        canvas.fill(Rect{layout.margin, band.y + layout.gap / 2, strip, band.h - layout.gap},
                    theme.accent);
        const int x = layout.margin + strip + layout.gap;
        const int width = frame.width - x - layout.margin;
        int y = band.y + layout.gap / 2;
        // One line each: a band that grows would push the film around from slide to slide.
        const TextResult title = canvas.draw_text(
            video.title.pick(context.language), Rect{x, y, width, title_size * 14 / 10},
            TextStyle{.weight = Weight::bold,
                      .size = title_size,
                      .min_size = theme.min_size(frame, theme.type.heading),
                      .color = theme.ink,
                      .vertical = VerticalAlign::middle,
                      .language = context.language,
                      .phrase_cuts = text::PhraseCuts::avoided});
        if (title.overflow) {
            report.problems.push_back("title does not fit");
        }
        y += title_size * 16 / 10;
        if (!caption.empty()) {
            canvas.draw_text(caption, Rect{x, y - title_size / 6, width, caption_size * 14 / 10},
                             TextStyle{.size = caption_size,
                                       .min_size = theme.min_size(frame, theme.type.label),
                                       .color = theme.muted_ink,
                                       .vertical = VerticalAlign::middle,
                                       .language = context.language});
        }
    }
    canvas.fill(film_box, Color{0, 0, 0});
    report.film = fit_inside(film_box, context.film_width, context.film_height);
    // Until the first picture is decoded (and in previews) the poster stands in for the film.
    if (!video.poster.empty() && !canvas.draw_image_cover(video.poster, report.film)) {
        report.problems.push_back("poster cannot be read");
    }
}

}  // namespace keiji::render::detail
