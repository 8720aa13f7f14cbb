#include "play/alert_preview.hpp"

#include "play/alert_view.hpp"
#include "render/alert_painter.hpp"
#include "render/canvas.hpp"
#include "render/font_set.hpp"
#include "render/screen.hpp"

namespace keiji::play {

model::Result<std::vector<AlertPreviewFrame>> preview_alert(const alert::Alert& alert,
                                                            render::Frame frame,
                                                            const date::time_zone& zone) {
    render::Screen screen = KEIJI_TRY(render::Screen::open_headless(frame.width, frame.height));
    // The same layer and composition as the takeover on a screen (AlertTakeover::paint).
    render::TextureHandle layer = screen.make_opaque_layer(frame.width, frame.height);
    std::vector<AlertPreviewFrame> frames;
    for (const std::string& language : rotation_languages(alert)) {
        auto fonts = render::FontSet::create(render::FontSet::chain_for_language(language));
        if (!fonts) {
            fonts = render::FontSet::create(render::FontSet::debian_default_chain());
        }
        if (!fonts) {
            return std::unexpected(std::move(fonts.error()));
        }
        AlertPreviewFrame shown{.language = language};
        screen.target(layer.get());
        {
            render::Canvas canvas(screen.renderer(), *fonts);
            shown.problems =
                render::paint_alert(canvas, frame, make_alert_view(alert, language, zone, 0));
        }
        screen.target(nullptr);
        screen.present({render::Layer{layer.get(), {0, 0, frame.width, frame.height}}});
        shown.picture = KEIJI_TRY(screen.capture());
        frames.push_back(std::move(shown));
    }
    return frames;
}

}  // namespace keiji::play
