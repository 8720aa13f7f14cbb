#include "checks/check_renderer.hpp"

namespace keiji::checks {

model::Result<std::unique_ptr<CheckRenderer>> CheckRenderer::open(const ScreenUnderCheck& screen) {
    auto fonts =
        KEIJI_TRY(render::FontSet::create(render::FontSet::chain_for_language(screen.language)));
    auto headless =
        KEIJI_TRY(render::Screen::open_headless(screen.frame.width, screen.frame.height));
    return std::unique_ptr<CheckRenderer>(new CheckRenderer(std::move(fonts), std::move(headless)));
}

}  // namespace keiji::checks
