#include "text/kinsoku.hpp"

#include <string_view>

namespace keiji::text {

namespace {

constexpr std::u32string_view no_line_start =
    // cl-02 closing brackets.
    U")]}）〕］｝〉》」』】〙〗〟’”｠»｣"
    // cl-03 hyphens (strict), cl-04 dividing punctuation, cl-05 middle dots.
    U"‐゠–〜～!?！？‼⁇⁈⁉・：；:;･"
    // cl-06 full stops and cl-07 commas.
    U"。．.、，,｡､"
    // cl-09 iteration marks, cl-10 prolonged sound mark.
    U"ヽヾゝゞ々〻ーｰ"
    // cl-11 small kana (strict), including half-width.
    U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ"
    // cl-20 postfixed abbreviations.
    U"%％‰℃°′″¢￠";

constexpr std::u32string_view no_line_end =
    // cl-01 opening brackets.
    U"([{（〔［｛〈《「『【〘〖〝‘“｟«｢"
    // cl-19 prefixed abbreviations.
    U"¥￥$＄£￡#＃€№";

constexpr std::u32string_view inseparables = U"—―…‥〳〴〵";

bool contains(std::u32string_view set, char32_t c) {
    return set.find(c) != std::u32string_view::npos;
}

}  // namespace

bool cannot_start_line(char32_t c) {
    return contains(no_line_start, c);
}

bool cannot_end_line(char32_t c) {
    return contains(no_line_end, c);
}

bool inseparable(char32_t before, char32_t after) {
    return before == after && contains(inseparables, before);
}

bool may_hang(char32_t c) {
    return contains(U"、。，．､｡", c);
}

}  // namespace keiji::text
