#include "model/localized_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace keiji::model {

const std::string* LocalizedText::find(std::string_view language) const {
    const auto found = m_texts.find(language);
    return found == m_texts.end() ? nullptr : &found->second;
}

std::string_view LocalizedText::pick(std::string_view language) const {
    if (const auto* text = find(language)) {
        return *text;
    }
    if (const auto* text = find("ja")) {
        return *text;
    }
    return m_texts.empty() ? std::string_view{} : std::string_view{m_texts.begin()->second};
}

namespace {

// ISO 639-1 languages of the ward's residents and visitors (the ward counts 135 nationalities;
// this covers the languages public signage in Japan is written in, and then some).
constexpr std::array<std::string_view, 28> known_languages = {
    "ja", "en", "zh", "ko", "vi", "ne", "tl", "fil", "pt", "es", "id", "th", "my", "fr",
    "de", "ru", "uk", "ar", "hi", "bn", "si", "mn",  "ms", "it", "fa", "tr", "ur", "km"};

bool is_subtag(std::string_view part) {
    return !part.empty() && part.size() <= 8 &&
           std::all_of(part.begin(), part.end(),
                       [](unsigned char c) { return std::isalnum(c) != 0; });
}

}  // namespace

bool is_known_language_tag(std::string_view tag) {
    const auto dash = tag.find('-');
    const std::string_view primary = tag.substr(0, dash);
    if (std::find(known_languages.begin(), known_languages.end(), primary) ==
        known_languages.end()) {
        return false;
    }
    std::string_view rest = dash == std::string_view::npos ? "" : tag.substr(dash + 1);
    while (!rest.empty()) {
        const auto next = rest.find('-');
        if (!is_subtag(rest.substr(0, next))) {
            return false;
        }
        rest = next == std::string_view::npos ? "" : rest.substr(next + 1);
    }
    return dash == std::string_view::npos || dash + 1 < tag.size();
}

}  // namespace keiji::model
