#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "model/error.hpp"

namespace keiji::alert {

struct CapImportOptions {
    std::optional<int> level;           // When the CAP has no 警戒レベル parameter.
    std::optional<long long> sequence;  // Default: <sent> in seconds since 1970.
};

// Converts a CAP 1.2 XML alert into an alert payload (content-schema/alert.schema.json), pretty
// printed. CAP fields map one to one; <info> blocks become info[] with the language tags
// screens use (ja-JP → ja, en-US → en, zh-CN → zh-Hans, ko-KR → ko); the level comes from a
// <parameter> named 警戒レベル, EvacuationLevel or level; shelters from parameters named 避難所
// or shelter, in each info's language. The result is checked with parse_alert, so what this
// returns is a payload a screen accepts.
[[nodiscard]] model::Result<std::string> import_cap(std::string_view xml,
                                                    const CapImportOptions& options);

}  // namespace keiji::alert
