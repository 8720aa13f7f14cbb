#include "checks/contact_sheet.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "render/canvas.hpp"
#include "render/screen.hpp"
#include "render/theme.hpp"

namespace keiji::checks {

model::Result<render::SurfaceHandle> make_contact_sheet(const std::vector<SheetEntry>& entries,
                                                        render::FontSet& fonts,
                                                        std::string_view language) {
    if (entries.empty() || !entries.front().image) {
        return model::failure("no slides to put on the contact sheet",
                              "コンタクトシートに載せるスライドがありません");
    }
    const bool japanese = language.starts_with("ja");
    const int thumb_w = entries.front().image->w;
    const int thumb_h = entries.front().image->h;
    const int columns = std::min<int>(int(entries.size()), thumb_w > thumb_h ? 4 : 6);
    const int rows = (int(entries.size()) + columns - 1) / columns;
    const int gap = 24;
    const int caption = 96;
    const int width = columns * (thumb_w + gap) + gap;
    const int height = rows * (thumb_h + caption + gap) + gap;
    auto sheet = KEIJI_TRY(render::Screen::open_headless(width, height));
    const render::Theme theme;
    render::Canvas canvas(sheet.renderer(), fonts);
    canvas.fill(render::Rect{0, 0, width, height}, render::Color{0x33, 0x33, 0x33});
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const SheetEntry& entry = entries[i];
        const int x = gap + int(i % std::size_t(columns)) * (thumb_w + gap);
        const int y = gap + int(i / std::size_t(columns)) * (thumb_h + caption + gap);
        if (entry.image) {
            const render::TextureHandle texture(
                SDL_CreateTextureFromSurface(sheet.renderer(), entry.image.get()));
            const SDL_Rect target{x, y, thumb_w, thumb_h};
            SDL_RenderCopy(sheet.renderer(), texture.get(), nullptr, &target);
        }
        const render::Rect box{x, y + thumb_h, thumb_w, caption};
        const bool troubled = !entry.problems.empty();
        canvas.fill(box, troubled ? theme.alert : theme.panel);
        const render::Color ink = troubled ? theme.on_alert : theme.ink;
        const int line = 22;
        // Not eligible at the preview's moment: the slide is drawn all the same, and says so.
        const std::string status =
            entry.playing ? ""
                          : (japanese ? "(この時刻には表示されません) " : "(not playing then) ");
        canvas.draw_text(
            fmt::format("{}  {}{}", entry.id, entry.duration.count(), japanese ? "秒" : " s"),
            render::Rect{x + 8, box.y + 6, thumb_w - 16, line + 6},
            render::TextStyle{.weight = render::Weight::bold,
                              .size = line,
                              .min_size = 14,
                              .color = ink,
                              .language = std::string(language)});
        const std::string detail =
            status + (troubled ? fmt::format("{} {}: {}", entry.problems.size(),
                                             japanese ? "件の指摘" : "problem(s)",
                                             entry.problems.front().message.in(language))
                               : (japanese ? "問題なし" : "no problems"));
        canvas.draw_text(
            detail, render::Rect{x + 8, box.y + line + 14, thumb_w - 16, caption - line - 18},
            render::TextStyle{
                .size = 17, .min_size = 13, .color = ink, .language = std::string(language)});
    }
    SDL_RenderPresent(sheet.renderer());
    return sheet.capture();
}

}  // namespace keiji::checks
