// Which language each appearance of an item shows, in the player's three layouts. See
// player.hpp.
#include "play/player.hpp"

namespace keiji::play {

std::pair<std::string, std::chrono::seconds> Player::language_for(std::size_t item_index,
                                                                  std::chrono::seconds length,
                                                                  std::string& second) {
    const model::Item& item = m_items[item_index];
    switch (m_options.language_layout) {
        case LanguageLayout::bilingual: {
            auto [first, other] = m_languages.next_pair(item);
            second = std::move(other);
            return {std::move(first), length};
        }
        case LanguageLayout::split: {
            if (m_split && m_split->item == item_index && !m_split->languages.empty()) {
                std::string language = std::move(m_split->languages.front());
                m_split->languages.erase(m_split->languages.begin());
                const std::chrono::seconds part = m_split->part;
                if (m_split->languages.empty()) {
                    m_split.reset();
                }
                return {std::move(language), part};
            }
            m_split.reset();
            const schedule::SplitPlan plan = schedule::plan_split(
                length, schedule::languages_shown(item, m_languages.screen_languages()).size());
            std::vector<std::string> languages = m_languages.next_several(item, plan.parts);
            const std::chrono::seconds part = plan.part;
            std::string first = std::move(languages.front());
            languages.erase(languages.begin());
            if (!languages.empty()) {
                m_split = SplitRest{item_index, std::move(languages), part};
            }
            return {std::move(first), part};
        }
        case LanguageLayout::rotate:
            break;
    }
    return {m_languages.next(item), length};
}

}  // namespace keiji::play
