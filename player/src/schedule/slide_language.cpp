#include "schedule/slide_language.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace keiji::schedule {

std::vector<std::string> languages_shown(const model::Item& item,
                                         std::span<const std::string> screen_languages) {
    const model::LocalizedText& title = model::title_of(item);
    std::vector<std::string> shown;
    // An item (or its playlist) that names its own languages is shown in those instead.
    const std::span<const std::string> wanted =
        item.languages.empty() ? screen_languages : std::span<const std::string>(item.languages);
    for (const std::string& language : wanted) {
        const std::string* text = title.find(language);
        if (text != nullptr && !text->empty() &&
            std::find(shown.begin(), shown.end(), language) == shown.end()) {
            shown.push_back(language);
        }
    }
    if (shown.empty()) {
        // pick() falls back to Japanese, then to any text: name the language it lands on.
        if (title.find("ja") != nullptr || title.empty()) {
            shown.emplace_back("ja");
        } else {
            shown.push_back(title.all().begin()->first);
        }
    }
    return shown;
}

std::string LanguageRotation::peek(const model::Item& item) const {
    const std::vector<std::string> shown = languages_shown(item, m_screen);
    const auto found = m_appearances.find(item.id);
    const std::size_t count = found == m_appearances.end() ? 0 : found->second;
    return shown[count % shown.size()];
}

std::string LanguageRotation::next(const model::Item& item) {
    std::string language = peek(item);
    ++m_appearances[item.id];
    return language;
}

std::pair<std::string, std::string> LanguageRotation::next_pair(const model::Item& item) {
    const std::vector<std::string> shown = languages_shown(item, m_screen);
    const std::size_t count = m_appearances[item.id]++;
    if (shown.size() < 2) {
        return {shown.front(), ""};
    }
    return {shown.front(), shown[1 + count % (shown.size() - 1)]};
}

std::vector<std::string> LanguageRotation::next_several(const model::Item& item,
                                                        std::size_t count) {
    const std::vector<std::string> shown = languages_shown(item, m_screen);
    std::size_t& appearances = m_appearances[item.id];
    std::vector<std::string> out;
    for (std::size_t i = 0; i < std::min(count, shown.size()); ++i) {
        out.push_back(shown[appearances++ % shown.size()]);
    }
    return out;
}

SplitPlan plan_split(std::chrono::seconds length, std::size_t languages) {
    const auto readable = std::size_t(std::max<std::int64_t>(length / min_split_part, 1));
    const std::size_t parts = std::clamp<std::size_t>(languages, 1, readable);
    return {parts, length / std::int64_t(parts)};
}

std::string language_name(std::string_view tag) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> names{{
        {"ja", "日本語"},
        {"ja-x-easy", "やさしいにほんご"},
        {"en", "English"},
        {"zh-Hans", "简体中文"},
        {"zh-Hant", "繁體中文"},
        {"ko", "한국어"},
        {"vi", "Tiếng Việt"},
        {"pt-BR", "Português"},
        {"es", "Español"},
    }};
    for (const auto& [known, name] : names) {
        if (known == tag) {
            return std::string(name);
        }
    }
    return std::string(tag);
}

}  // namespace keiji::schedule
