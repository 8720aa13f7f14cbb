#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/item.hpp"

namespace keiji::schedule {

// The languages `item` is shown in on a screen configured for `screen_languages` (in that
// order; the item's own "languages" instead when it has them): the ones its title is written in. A
// slide never shows a language the item does not have; an item written in none of them is shown in
// the one language it falls back to (its Japanese, else its first text), so it still plays.
[[nodiscard]] std::vector<std::string> languages_shown(
    const model::Item& item, std::span<const std::string> screen_languages);

// The split layout: an appearance of `length` shows its item's languages one after another, in
// equal whole seconds each, but never shorter than min_split_part (a slide shorter than that
// cannot be read), so a short slot shows fewer of them and the next appearance goes on with the
// rest (LanguageRotation::next_several). Always at least one part.
inline constexpr std::chrono::seconds min_split_part{3};
struct SplitPlan {
    std::size_t parts = 1;
    std::chrono::seconds part{};
};
[[nodiscard]] SplitPlan plan_split(std::chrono::seconds length, std::size_t languages);

// Which language each appearance of an item shows: its languages in turn, counted per item, so
// over the day every language an item has gets the same share of that item's airtime, and two
// items never fall into step by accident of the playlist's order.
class LanguageRotation {
public:
    explicit LanguageRotation(std::vector<std::string> screen_languages)
        : m_screen(std::move(screen_languages)) {}

    // The language of the item's next appearance; counts the appearance.
    std::string next(const model::Item& item);
    // The bilingual layout's pair for the item's next appearance: its first language (the
    // screen's first that it has) and, in turn, one of its others ("" when it has no other);
    // counts the appearance.
    std::pair<std::string, std::string> next_pair(const model::Item& item);
    // The split layout's languages for the item's next appearance: `count` of its languages
    // from where its rotation stands (fewer when it has fewer); counts them all.
    std::vector<std::string> next_several(const model::Item& item, std::size_t count);
    // The language the next appearance would show, without counting it.
    [[nodiscard]] std::string peek(const model::Item& item) const;
    // More than one language is configured: slides carry a label naming theirs.
    [[nodiscard]] bool several() const { return m_screen.size() > 1; }
    [[nodiscard]] const std::vector<std::string>& screen_languages() const { return m_screen; }

private:
    std::vector<std::string> m_screen;
    std::map<std::string, std::size_t, std::less<>> m_appearances;  // By item id.
};

// A language's name in that language, for the label on a slide: "日本語", "やさしいにほんご",
// "English", "中文", "한국어"; the tag itself for a language without a name here.
[[nodiscard]] std::string language_name(std::string_view tag);

}  // namespace keiji::schedule
