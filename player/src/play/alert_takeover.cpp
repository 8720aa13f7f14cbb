#include "play/alert_takeover.hpp"

#include <fmt/format.h>

#include "kiosk/log.hpp"
#include "play/alert_view.hpp"
#include "render/alert_painter.hpp"
#include "render/canvas.hpp"

namespace keiji::play {

AlertTakeover::AlertTakeover(render::Screen& screen, const date::time_zone& zone,
                             std::chrono::milliseconds rotation)
    : m_screen(screen), m_zone(zone), m_rotation(rotation) {}

void AlertTakeover::show(std::vector<alert::Alert> alerts) {
    m_alerts = std::move(alerts);
    if (m_alerts.empty()) {
        m_shown_key.clear();
        return;
    }
    const alert::Alert& top = m_alerts.front();
    const std::string key = fmt::format("{}#{}", top.identifier, top.sequence);
    if (key != m_shown_key) {
        // Another alert (or a new version of it): start again from Japanese.
        m_shown_key = key;
        m_languages = rotation_languages(top);
        m_language_index = 0;
    }
    m_needs_paint = true;
}

render::FontSet& AlertTakeover::fonts_for(const std::string& language) {
    auto found = m_fonts.find(language);
    if (found == m_fonts.end()) {
        auto fonts = render::FontSet::create(render::FontSet::chain_for_language(language));
        if (!fonts) {
            // The default chain always exists on a kiosk (the packages install it); Japanese
            // glyphs drawn as boxes are better than no alert.
            kiosk::log(kiosk::Priority::error, "alert", fonts.error().text());
            fonts = render::FontSet::create(render::FontSet::debian_default_chain());
        }
        found = m_fonts.emplace(language, std::move(fonts.value())).first;
    }
    return found->second;
}

void AlertTakeover::paint(const model::Instant& now) {
    const alert::Alert& top = m_alerts.front();
    const std::string& language = m_languages[m_language_index % m_languages.size()];
    const render::Frame frame = m_screen.frame();
    if (!m_layer) {
        m_layer = m_screen.make_opaque_layer(frame.width, frame.height);
    }
    m_screen.target(m_layer.get());
    render::Canvas canvas(m_screen.renderer(), fonts_for(language));
    const render::AlertView view = make_alert_view(top, language, m_zone, m_alerts.size() - 1);
    for (const std::string& problem : render::paint_alert(canvas, frame, view)) {
        kiosk::log(kiosk::Priority::warning, "alert",
                   fmt::format("{} [{}]: {}", top.identifier, language, problem));
    }
    m_screen.target(nullptr);
    m_next_rotation = now.monotonic + m_rotation;
    m_needs_paint = false;
    m_needs_present = true;
}

void AlertTakeover::prepare(const model::Instant& now) {
    alert::Alert sample;
    sample.identifier = "prepare";
    sample.level = 4;
    sample.sent = std::chrono::floor<std::chrono::seconds>(now.wall);
    sample.info = {
        {.language = "ja",
         .headline = "港区に避難指示を発令しました",
         .instruction = "危険な場所から全員避難してください。"},
        {.language = "ja-x-easy", .headline = "港区《みなとく》の みなさん、にげて ください"},
        {.language = "en", .headline = "Evacuation order for Minato City"},
        {.language = "zh-Hans", .headline = "港区发布避难指示"},
        {.language = "ko", .headline = "미나토구에 피난 지시가 발령되었습니다"}};
    const render::Frame frame = m_screen.frame();
    if (!m_layer) {
        m_layer = m_screen.make_opaque_layer(frame.width, frame.height);
    }
    m_screen.target(m_layer.get());
    for (const alert::Info& info : sample.info) {
        render::Canvas canvas(m_screen.renderer(), fonts_for(info.language));
        // What the painter would warn about is the sample's, not a real alert's: not logged.
        [[maybe_unused]] const auto sample_problems =
            render::paint_alert(canvas, frame, make_alert_view(sample, info.language, m_zone, 0));
    }
    m_screen.target(nullptr);
}

AlertTakeover::Result AlertTakeover::update(const model::Instant& now) {
    Result result;
    if (m_alerts.empty()) {
        result.next_deadline = now.monotonic + std::chrono::hours(1);
        return result;
    }
    if (!m_needs_paint && m_languages.size() > 1 && now.monotonic >= m_next_rotation) {
        m_language_index = (m_language_index + 1) % m_languages.size();
        m_needs_paint = true;
    }
    if (m_needs_paint) {
        paint(now);
        result.presented = true;
    }
    if (m_needs_present) {
        const render::Frame frame = m_screen.frame();
        m_screen.present({render::Layer{m_layer.get(), {0, 0, frame.width, frame.height}}});
        m_needs_present = false;
    }
    result.identifier = m_alerts.front().identifier;
    result.language = m_languages[m_language_index % m_languages.size()];
    result.next_deadline =
        m_languages.size() > 1 ? m_next_rotation : now.monotonic + std::chrono::hours(1);
    return result;
}

}  // namespace keiji::play
