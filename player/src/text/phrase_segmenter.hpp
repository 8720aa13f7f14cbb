#pragma once

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace keiji::text {

// Splits Japanese text into phrases (文節-like chunks) with the BudouX model: a break before a
// character is likely when the sum of the model's weights for the characters and character
// n-grams around it is positive. Phrases are where a reader expects a line to turn; breaking
// between 「プラタ」 and 「ナス」 is what makes naive wrapping look broken.
class PhraseSegmenter {
public:
    // The segmenter for Japanese, built from the BudouX model compiled into the library
    // (budoux/ja.json, Apache-2.0, see budoux/NOTICE). Built once, on first use; thread safe.
    [[nodiscard]] static const PhraseSegmenter& japanese();

    // Indices i (0 < i < text.size()) where a phrase starts, ascending.
    [[nodiscard]] std::vector<std::size_t> boundaries(std::u32string_view text) const;
    // The phrases themselves; they concatenate to `text`.
    [[nodiscard]] std::vector<std::u32string> phrases(std::u32string_view text) const;

private:
    // The model's feature groups in BudouX's naming: UW = one character at an offset, BW = two,
    // TW = three (offsets relative to the boundary, see phrase_segmenter.cpp).
    enum Feature { UW1, UW2, UW3, UW4, UW5, UW6, BW1, BW2, BW3, TW1, TW2, TW3, TW4, feature_count };
    using Weights = std::unordered_map<std::u32string, int>;

    PhraseSegmenter() = default;

    std::array<Weights, feature_count> m_weights;
    long m_base_score = 0;
};

}  // namespace keiji::text
