#pragma once

#include <string_view>
#include <vector>

#include "text/ruby.hpp"

namespace keiji::text {

// What a line break between two characters would do to the text.
enum class BreakClass {
    never,      // Splits a word, number, URL, ruby base, or breaks a kinsoku rule.
    character,  // Allowed, but inside a phrase: used only when a phrase is wider than the line.
    phrase,     // Between phrases (BudouX for Japanese) or after a space: where lines should turn.
};

// How text of this language is broken.
enum class Script { japanese, chinese, korean, other };

// The script that line breaking and font choice follow for a BCP 47 tag ("ja", "ja-x-easy",
// "zh-Hans", "ko", "en", ...).
[[nodiscard]] Script script_of_language(std::string_view language_tag);

// classes[i] says whether a line may break before text.base[i]; classes[0] is always never.
// The candidates come from Unicode UAX #14 (libunibreak), then keiji's own rules veto what
// UAX #14 allows but a Japanese notice must not do (see break_opportunities.cpp), and phrase
// boundaries pick the preferred ones among the rest. The text must not contain "\n".
[[nodiscard]] std::vector<BreakClass> break_classes(const AnnotatedText& text, Script script);

}  // namespace keiji::text
