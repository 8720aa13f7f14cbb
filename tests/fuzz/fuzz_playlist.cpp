// libFuzzer target: playlist JSON text to typed content (model::parse_playlist_text).
// Any input must come back as a playlist or as errors that each carry a location and a message
// in both languages: a crash, a hang, UB or a rejection that says nothing is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "model/playlist_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto playlist = keiji::model::parse_playlist_text(text, "fuzz/playlist.json");
    if (!playlist) {
        if (playlist.error().empty()) {
            std::abort();  // Rejected without saying why: staff could not fix it.
        }
        for (const keiji::model::Error& error : playlist.error()) {
            if (error.message.en.empty() || error.message.ja.empty()) {
                std::abort();
            }
        }
    }
    return 0;
}
