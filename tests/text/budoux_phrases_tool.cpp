// Prints the BudouX phrases of each input line, separated by U+001F, for the agreement check
// against the reference implementation (budoux_agreement.mjs).
#include <iostream>
#include <string>

#include "text/phrase_segmenter.hpp"
#include "text/utf8.hpp"

int main() {
    using namespace keiji::text;
    std::string line;
    while (std::getline(std::cin, line)) {
        std::string out;
        for (const std::u32string& phrase :
             PhraseSegmenter::japanese().phrases(decode_utf8(line))) {
            out += (out.empty() ? "" : "\x1f") + encode_utf8(phrase);
        }
        std::cout << out << '\n';
    }
    return 0;
}
