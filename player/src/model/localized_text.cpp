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

// Every ISO 639-1 language (and Filipino's ISO 639-2 "fil"): an alert from another agency
// may be written in any of them (CAP's is-IS, fr-CA), and DejaVu and Noto draw their scripts.
// Country codes written where a language goes ("jp", "cn", "us") are not among them.
constexpr std::array<std::string_view, 184> known_languages = {
    "fil", "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg",
    "bi",  "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de",  "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy",  "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia",  "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk",  "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo",  "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd",  "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl",  "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl",  "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk",  "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa",  "wo", "xh", "yi", "yo", "za", "zh", "zu"};

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
