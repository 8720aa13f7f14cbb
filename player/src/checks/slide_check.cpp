#include "checks/slide_check.hpp"

#include <SDL.h>
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

namespace keiji::checks {

namespace {

// The pointer of the text a `field` of item `index` shows in `language`: ".../title/en" when
// the field is a map of languages, ".../title" when it is a plain string.
std::string text_pointer(const model::JsonDocument& document, std::size_t index,
                         std::string_view field, std::string_view language) {
    const std::string pointer =
        model::append_pointer(model::append_pointer("/items", index), field);
    const nlohmann::json::json_pointer json_pointer(pointer);
    if (!document.root().contains(json_pointer)) {
        return pointer;
    }
    const nlohmann::json& value = document.root().at(json_pointer);
    if (!value.is_object() || value.empty()) {
        return pointer;
    }
    // The same choice LocalizedText::pick() makes: the language, else Japanese, else the first.
    for (const std::string_view key : {language, std::string_view("ja")}) {
        if (value.contains(key)) {
            return model::append_pointer(pointer, key);
        }
    }
    return model::append_pointer(pointer, value.begin().key());
}

struct TextField {
    std::string_view name;
    const model::LocalizedText* text;
};

// The texts staff wrote for an item, in the order a reader meets them.
std::vector<TextField> text_fields(const model::Item& item) {
    if (const auto* promo = std::get_if<model::PromoContent>(&item.content)) {
        return {{"prefecture", &promo->prefecture},
                {"municipality", &promo->municipality},
                {"title", &promo->title},
                {"body", &promo->body}};
    }
    if (const auto* event = std::get_if<model::EventContent>(&item.content)) {
        return {{"title", &event->title}, {"venue", &event->venue}, {"body", &event->body}};
    }
    if (const auto* video = std::get_if<model::VideoContent>(&item.content)) {
        return {{"title", &video->title}, {"caption", &video->caption}};
    }
    const auto& notice = std::get<model::NoticeContent>(item.content);
    return {{"title", &notice.title}, {"body", &notice.body}};
}

// Which field a drawn text shows: the one it equals, else the longest one it contains ("会場 …"
// contains the venue). Empty when the text is the template's own (footer, date block).
std::string_view field_of(const std::string& drawn, const std::vector<TextField>& fields,
                          std::string_view language) {
    std::string_view best;
    std::size_t best_length = 0;
    for (const TextField& field : fields) {
        const std::string_view shown = field.text->pick(language);
        if (shown.empty()) {
            continue;
        }
        if (drawn == shown) {
            return field.name;
        }
        if (drawn.find(shown) != std::string::npos && shown.size() > best_length) {
            best = field.name;
            best_length = shown.size();
        }
    }
    return best;
}

bool near(render::Color a, render::Color b) {
    const auto close = [](int x, int y) { return std::abs(x - y) <= 24; };
    return close(a.r, b.r) && close(a.g, b.g) && close(a.b, b.b);
}

// The background under a text box as drawn: the commonest colour in the box that is not the
// text's own colour (or its anti-aliased edge). Nullopt when the box cannot be read back.
// `pixels` is the renderer's read-back buffer, reused: a body's box is a third of the frame, and
// a fresh buffer for every box cost more than the check (zeroed pages). A row of background is
// mostly runs of one colour, counted once per run.
std::optional<render::Color> background_of(render::Screen& screen, render::Rect box,
                                           render::Color ink, std::vector<Uint32>& pixels) {
    const render::Frame frame = screen.frame();
    const int x0 = std::clamp(box.x, 0, frame.width);
    const int y0 = std::clamp(box.y, 0, frame.height);
    const int x1 = std::clamp(box.x + box.w, 0, frame.width);
    const int y1 = std::clamp(box.y + box.h, 0, frame.height);
    if (x1 <= x0 || y1 <= y0) {
        return std::nullopt;
    }
    pixels.resize(std::size_t(x1 - x0) * std::size_t(y1 - y0));
    const SDL_Rect area{x0, y0, x1 - x0, y1 - y0};
    if (SDL_RenderReadPixels(screen.renderer(), &area, SDL_PIXELFORMAT_ARGB8888, pixels.data(),
                             (x1 - x0) * int(sizeof(Uint32))) != 0) {
        return std::nullopt;
    }
    std::unordered_map<Uint32, std::size_t> counts;
    const auto count_run = [&](Uint32 pixel, std::size_t length) {
        const render::Color color{std::uint8_t(pixel >> 16), std::uint8_t(pixel >> 8),
                                  std::uint8_t(pixel)};
        if (!near(color, ink)) {
            counts[pixel & 0xFFFFFFu] += length;
        }
    };
    std::size_t run_start = 0;
    for (std::size_t i = 1; i <= pixels.size(); ++i) {
        if (i == pixels.size() || pixels[i] != pixels[run_start]) {
            count_run(pixels[run_start], i - run_start);
            run_start = i;
        }
    }
    if (counts.empty()) {
        return std::nullopt;
    }
    // Ties go to the smaller colour value, as the ordered count before: the same answer on
    // every run.
    const auto commonest =
        std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second < b.second : a.first > b.first;
        });
    return render::Color{std::uint8_t(commonest->first >> 16), std::uint8_t(commonest->first >> 8),
                         std::uint8_t(commonest->first)};
}

model::Error warning_at(const storage::PlaylistFile& file, const std::string& pointer,
                        model::Message message) {
    return model::Error{.where = file.document.location_of(pointer),
                        .message = std::move(message),
                        .severity = model::Severity::warning};
}

}  // namespace

model::Errors check_reading_time(const storage::PlaylistFile& file, std::size_t index,
                                 std::string_view language) {
    const model::Item& item = file.playlist.items[index];
    ReadingLoad load;
    for (const TextField& field : text_fields(item)) {
        load = load + reading_load(field.text->pick(language));
    }
    const std::chrono::seconds needed = reading_time(load);
    if (item.duration >= needed) {
        return {};
    }
    const std::string item_pointer = model::append_pointer("/items", index);
    const std::string pointer =
        file.document.root().contains(nlohmann::json::json_pointer(item_pointer + "/duration"))
            ? item_pointer + "/duration"
            : item_pointer;
    const long long shown = item.duration.count();
    return {warning_at(
        file, pointer,
        {fmt::format("shown for {} s, but its text takes about {} s to read ({} characters at {:g} "
                     "a minute, {} words at {:g} a minute); set \"duration\" to at least {} or "
                     "shorten the text",
                     shown, needed.count(), load.characters, japanese_characters_per_minute,
                     load.words, latin_words_per_minute, needed.count()),
         fmt::format("表示時間は {} 秒ですが、文章を読むのに約 {} 秒かかります({} 文字を 1 分 "
                     "{:g} 文字、{} 語を 1 分 {:g} 語で計算)。「duration」を {} 以上にするか、"
                     "文章を短くしてください",
                     shown, needed.count(), load.characters, japanese_characters_per_minute,
                     load.words, latin_words_per_minute, needed.count())})};
}

model::Errors check_slide(CheckRenderer& renderer, const storage::PlaylistFile& file,
                          std::size_t index, const SlideCheckSetup& setup) {
    render::Screen& screen = renderer.screen();
    const model::Item& item = file.playlist.items[index];
    const std::string& language = setup.shot.language;
    ShotSetup shot = setup.shot;
    shot.base_directory = file.playlist.base_directory;
    const render::PaintReport report = paint_shot(renderer, item, shot);
    const std::vector<TextField> fields = text_fields(item);
    const int readable = minimum_readable_size(setup.viewing, screen.frame());

    model::Errors problems;
    // One warning of each kind per field: a body drawn twice is still one thing to fix.
    std::set<std::pair<std::string, int>> reported;
    const auto report_once = [&](const std::string& pointer, int kind, model::Message message) {
        if (reported.emplace(pointer, kind).second) {
            problems.push_back(warning_at(file, pointer, std::move(message)));
        }
    };
    for (const render::DrawnText& drawn : report.texts) {
        const std::string_view field = field_of(drawn.text, fields, language);
        if (field.empty() || drawn.text.empty()) {
            continue;  // The template's own text (footer, date block) is not staff's to fix.
        }
        const std::string pointer = text_pointer(file.document, index, field, language);
        if (drawn.result.overflow) {
            report_once(
                pointer, 0,
                {fmt::format("the text does not fit its box on a {}×{} screen even at the smallest "
                             "size ({} px): the end is cut off; shorten it",
                             screen.frame().width, screen.frame().height, drawn.style.min_size),
                 fmt::format("{}×{} の画面で、最小の文字サイズ({} px)にしても枠に収まらず、"
                             "文章の最後が切れます。文章を短くしてください",
                             screen.frame().width, screen.frame().height, drawn.style.min_size)});
        }
        if (!drawn.result.missing_glyphs.empty()) {
            report_once(pointer, 1,
                        {fmt::format("no font has the characters \"{}\": they show as empty boxes "
                                     "(tofu); remove them or write them another way",
                                     drawn.result.missing_glyphs),
                         fmt::format("「{}」を表示できるフォントがありません。画面では空の四角"
                                     "(豆腐)になります。削除するか、別の書き方にしてください",
                                     drawn.result.missing_glyphs)});
        }
        if (drawn.result.size < readable) {
            report_once(
                pointer, 2,
                {fmt::format("the text is drawn at {} px, smaller than the {} px readable from "
                             "{:g} m on a {:g}-inch screen (character height at least distance / "
                             "{:g}); shorten it so it can stay larger",
                             drawn.result.size, readable, setup.viewing.distance_m,
                             setup.viewing.diagonal_inches, legibility_distance_per_height),
                 fmt::format("文字が {} px で表示され、{:g} m 離れた {:g} インチの画面で読める "
                             "{} px より小さくなります(文字の高さは距離の 1/{:g} 以上)。文章を"
                             "短くして大きな文字で表示できるようにしてください",
                             drawn.result.size, setup.viewing.distance_m,
                             setup.viewing.diagonal_inches, readable,
                             legibility_distance_per_height)});
        }
        if (const auto background =
                background_of(screen, drawn.box, drawn.style.color, renderer.read_back_buffer())) {
            const double ratio = checks::contrast_ratio(drawn.style.color, *background);
            if (ratio < minimum_contrast) {
                report_once(pointer, 3,
                            {fmt::format("text and background have a contrast of {:.1f}:1, below "
                                         "the {:g}:1 of WCAG AA; it is hard to read",
                                         ratio, minimum_contrast),
                             fmt::format("文字と背景のコントラスト比が {:.1f}:1 で、WCAG AA の "
                                         "{:g}:1 を下回り、読みにくくなります",
                                         ratio, minimum_contrast)});
            }
        }
    }
    for (model::Error& warning : check_reading_time(file, index, language)) {
        problems.push_back(std::move(warning));
    }
    return problems;
}

}  // namespace keiji::checks
