#pragma once

#include <chrono>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"

namespace keiji::alert {

struct CapImportOptions {
    std::optional<int> level;           // When the CAP has no 警戒レベル parameter.
    std::optional<long long> sequence;  // Default: <sent> in seconds since 1970.
    // How long an alert without <expires> (optional in CAP) stays, from <sent>.
    std::chrono::minutes lasting{std::chrono::hours{6}};
};

// What one <info> block says beyond its words, for a bridge's rules: the same message may warn
// one area gravely and another mildly, so each block is judged on its own.
struct CapInfoFacts {
    std::string severity;                        // CAP <severity>: Extreme … Minor, Unknown.
    std::vector<std::string> area_descriptions;  // Every <areaDesc>.
    std::vector<std::string> geocodes;           // Every <geocode> <value>.
};

struct CapImport {
    std::string payload;  // The alert payload, pretty printed.
    // What was decided for the document, for the person importing it: a default taken, a
    // level derived, a language assumed.
    std::vector<std::string> notes;
    // For a bridge: each <info> in the order of the payload's info[], the message's <scope>
    // (only Public is for a lobby), its <sender>, its <references> as written
    // ("sender,identifier,sent" each), and whether the level was taken from <severity>.
    std::vector<CapInfoFacts> infos;
    std::string scope;
    std::vector<std::string> references;
    bool level_from_severity = false;
};

// Converts a CAP 1.2 alert, as agencies write it, into an alert payload
// (content-schema/alert.schema.json). Follows CAP 1.2 itself: its elements under any prefix
// bound to urn:oasis:names:tc:emergency:cap:1.2 (<cap:alert>) or as the default namespace; a
// UTF-8 byte order mark is fine; a document with a DOCTYPE is refused without anything in it
// resolved. <info> blocks become info[] with the language tags screens use (no <language> is
// en-US; ja-JP → ja, en-* → en, zh-CN/zh-SG/zh-Hans → zh-Hans, zh-TW/zh-HK/zh-MO/zh-Hant →
// zh-Hant, ko-KR → ko, others keep their tag: is-IS, fr-CA). The level comes from a
// <parameter> named 警戒レベル, EvacuationLevel or level, else `options.level`, else from
// <severity> (Extreme 5, Severe 4, Moderate 3, Minor 2). <expires> may be missing (then
// `options.lasting` after <sent>, and a note says so); a Cancel may have no <info>; an Update
// or Cancel must name what it replaces (<references>). Test and Exercise stay what they are
// (screens mark them 訓練 / TEST); System and Draft are refused. The result is checked with
// parse_alert, so what this returns is a payload a screen accepts.
[[nodiscard]] model::Result<CapImport> import_cap(std::string_view xml,
                                                  const CapImportOptions& options);

// The language tag screens use for a CAP <language> ("" is en-US, as CAP 1.2 says).
[[nodiscard]] std::string screen_language(std::string_view cap_language);

// CAP's <severity> as a rank: Extreme 4, Severe 3, Moderate 2, Minor 1, anything else 0.
[[nodiscard]] int severity_rank(std::string_view severity);
// The document declares a DOCTYPE or an entity (in any case): refused before it is parsed.
[[nodiscard]] bool has_doctype(std::string_view xml);

// The 警戒レベル CAP's <severity> stands for when nothing says it (Extreme 5 … Minor 2).
[[nodiscard]] std::optional<int> level_from_severity(std::string_view severity);

}  // namespace keiji::alert
