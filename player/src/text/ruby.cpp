#include "text/ruby.hpp"

namespace keiji::text {

namespace {

constexpr char32_t open_ruby = U'《';
constexpr char32_t close_ruby = U'》';

bool is_base_marker(char32_t c) {
    return c == U'｜' || c == U'|';
}

bool is_kana_reading(std::u32string_view reading) {
    for (const char32_t c : reading) {
        const bool kana = (c >= 0x3041 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF) ||
                          c == U' ' || c == U'\u3000';
        if (!kana) {
            return false;
        }
    }
    return true;
}

}  // namespace

bool is_kanji(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) || c == U'々' ||
           c == U'〆' || c == U'ヶ' || c == U'〇';
}

AnnotatedText parse_ruby(std::u32string_view text) {
    AnnotatedText out;
    out.base.reserve(text.size());
    // Where an explicit ｜ base started in out.base, while one is open.
    std::size_t explicit_base = std::u32string::npos;
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t c = text[i];
        if (is_base_marker(c)) {
            const std::size_t open = text.find(open_ruby, i + 1);
            const std::size_t close = open == std::u32string_view::npos
                                          ? std::u32string_view::npos
                                          : text.find(close_ruby, open + 1);
            // Only a marker followed by base《reading》 is notation; a lone | is text.
            if (close != std::u32string_view::npos && open > i + 1 && close > open + 1) {
                explicit_base = out.base.size();
                ++i;
                continue;
            }
        }
        if (c == open_ruby) {
            const std::size_t close = text.find(close_ruby, i + 1);
            if (close != std::u32string_view::npos && close > i + 1) {
                const std::u32string_view reading = text.substr(i + 1, close - i - 1);
                std::size_t begin = explicit_base;
                if (begin == std::u32string::npos && is_kana_reading(reading)) {
                    begin = out.base.size();
                    while (begin > 0 && is_kanji(out.base[begin - 1]) &&
                           (out.ruby.empty() || begin > out.ruby.back().end)) {
                        --begin;
                    }
                }
                if (begin != std::u32string::npos && begin < out.base.size()) {
                    out.ruby.push_back(RubySpan{begin, out.base.size(), std::u32string(reading)});
                    explicit_base = std::u32string::npos;
                    i = close + 1;
                    continue;
                }
            }
        }
        out.base.push_back(c);
        ++i;
    }
    return out;
}

}  // namespace keiji::text
