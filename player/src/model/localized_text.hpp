#pragma once

#include <map>
#include <string>
#include <string_view>

namespace keiji::model {

// A text in several languages, keyed by BCP 47 tag: "ja", "ja-x-easy" (やさしい日本語), "en",
// "zh-Hans", "ko", ... Japanese is the ward's language, so it is the fallback of every other.
class LocalizedText {
public:
    LocalizedText() = default;
    explicit LocalizedText(std::map<std::string, std::string, std::less<>> texts)
        : m_texts(std::move(texts)) {}

    // The text in `language`; else Japanese; else any text there is; else "".
    [[nodiscard]] std::string_view pick(std::string_view language) const;
    // The text in exactly `language`, or nullptr.
    [[nodiscard]] const std::string* find(std::string_view language) const;
    [[nodiscard]] bool empty() const { return m_texts.empty(); }
    [[nodiscard]] const auto& all() const { return m_texts; }

private:
    std::map<std::string, std::string, std::less<>> m_texts;
};

// True for a well-formed BCP 47 tag whose language the player knows how to show, e.g. "ja",
// "ja-x-easy", "en", "zh-Hans", "ko", "pt-BR". Staff typos such as "jp" or "en_US" are false.
[[nodiscard]] bool is_known_language_tag(std::string_view tag);

}  // namespace keiji::model
