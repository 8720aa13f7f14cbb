// libFuzzer target: /etc/keiji/keiji.json through JsonDocument and the table of settings
// (play::read_config). Whatever the file holds, the kiosk must get settings (defaults where the
// file is wrong) and readable problems in both languages; the values it gets must stay within
// what the player accepts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "model/json_document.hpp"
#include "play/settings_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    auto document = keiji::model::JsonDocument::parse(std::move(text), "fuzz/keiji.json");
    if (!document) {
        if (document.error().empty()) {
            std::abort();
        }
        return 0;
    }
    const keiji::play::ConfigFile config = keiji::play::read_config(*document);
    for (const keiji::model::Error& problem : config.problems) {
        if (problem.message.en.empty() || problem.message.ja.empty()) {
            std::abort();
        }
    }
    const keiji::play::Settings& values = config.layer.values;
    if (values.feed_poll_seconds < 10 || values.languages.empty() || (values.rotation % 90) != 0 ||
        values.cache_budget_mb < 0) {
        std::abort();
    }
    return 0;
}
