#include "checks/check_renderer.hpp"

#include "render/theme.hpp"

namespace keiji::checks {

model::Result<std::unique_ptr<CheckRenderer>> CheckRenderer::open(const ScreenUnderCheck& screen) {
    auto fonts =
        KEIJI_TRY(render::FontSet::create(render::FontSet::chain_for_language(screen.language)));
    auto headless =
        KEIJI_TRY(render::Screen::open_headless(screen.frame.width, screen.frame.height));
    return std::unique_ptr<CheckRenderer>(new CheckRenderer(std::move(fonts), std::move(headless)));
}

}  // namespace keiji::checks

namespace keiji::checks {

SDL_Texture* CheckRenderer::slide_layer() {
    if (!m_slide) {
        const render::Frame frame = m_screen.frame();
        m_slide = m_screen.make_opaque_layer(frame.width, frame.height);
    }
    return m_slide.get();
}

SDL_Texture* CheckRenderer::header_layer() {
    if (!m_header) {
        const render::Frame frame = m_screen.frame();
        m_header = m_screen.make_opaque_layer(frame.width, render::header_height(frame));
    }
    return m_header.get();
}

}  // namespace keiji::checks
