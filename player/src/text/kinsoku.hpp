#pragma once

namespace keiji::text {

// Line-breaking prohibitions (禁則処理) of W3C JLREQ, strict level, for Japanese text.

// True when no line may start with `c`: closing brackets (cl-02), hyphens such as 〜 (cl-03),
// ！？ (cl-04), ・：； (cl-05), 。． (cl-06), 、， (cl-07), iteration marks ヽゝ々 (cl-09),
// ー (cl-10), small kana (cl-11, strict), postfixed abbreviations like ％ ℃ (cl-20), and their
// ASCII and half-width forms.
[[nodiscard]] bool cannot_start_line(char32_t c);

// True when no line may end with `c`: opening brackets (cl-01) and prefixed abbreviations
// like ￥ ＄ (cl-19).
[[nodiscard]] bool cannot_end_line(char32_t c);

// True when a break between `before` and `after` would split an inseparable sequence such as
// …… or —— (cl-08).
[[nodiscard]] bool inseparable(char32_t before, char32_t after);

// True for 、。，． (and half-width 、。): they may hang past the end of a line (ぶら下げ)
// instead of being pushed, with the characters before them, onto the next one.
[[nodiscard]] bool may_hang(char32_t c);

}  // namespace keiji::text
