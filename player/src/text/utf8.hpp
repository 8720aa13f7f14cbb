#pragma once

#include <string>
#include <string_view>

namespace keiji::text {

// Decodes UTF-8; an invalid byte becomes U+FFFD so bad input never stops a slide from showing.
[[nodiscard]] std::u32string decode_utf8(std::string_view text);
[[nodiscard]] std::string encode_utf8(std::u32string_view text);
[[nodiscard]] std::string encode_utf8(char32_t code_point);

}  // namespace keiji::text
