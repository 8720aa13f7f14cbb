#pragma once

#include <string>

namespace keiji::model {

// A human-readable message in the two languages staff read. The validator picks one from LANG;
// keeping both here means every error is written once, at the place that knows what went wrong.
struct Message {
    std::string en;
    std::string ja;

    // Returns the Japanese text when `language` starts with "ja" and there is one, the English
    // text otherwise (messages about the machine, not the content, may be English only).
    [[nodiscard]] const std::string& in(std::string_view language) const {
        return language.starts_with("ja") && !ja.empty() ? ja : en;
    }
};

}  // namespace keiji::model
