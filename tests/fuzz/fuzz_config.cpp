// libFuzzer target: /etc/keiji/keiji.json through JsonDocument and model::parse_config.
// Whatever the file holds, the kiosk must get a configuration (defaults where the file is
// wrong) and readable problems; the values it gets must stay within what the player accepts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "model/config.hpp"
#include "model/json_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    auto document = keiji::model::JsonDocument::parse(std::move(text), "fuzz/keiji.json");
    if (!document) {
        if (document.error().empty()) {
            std::abort();
        }
        return 0;
    }
    const keiji::model::ConfigResult result = keiji::model::parse_config(*document);
    for (const keiji::model::Error& problem : result.problems) {
        if (problem.message.en.empty() || problem.message.ja.empty()) {
            std::abort();
        }
    }
    return 0;
}
