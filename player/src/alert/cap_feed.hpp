#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"

namespace keiji::alert {

// One CAP message a source offers: the document itself, or where to fetch it.
struct CapEntry {
    std::string key;      // What tells this entry's version from another: the ATOM id and updated.
    std::string cap_xml;  // The CAP document, when the source carries it (or is it).
    std::string cap_url;  // Otherwise the CAP document's address, made absolute.
    std::string problem;  // Why neither can be used (a link to a file from a web feed).
};

// Reads what a bridge's source returned: a CAP 1.2 alert (one entry, the document itself) or an
// ATOM feed of CAP entries, each carrying its <cap:alert> inside <content> or pointing to it
// with a <link> (type application/cap+xml preferred, then rel="alternate", then the first).
// Relative links are resolved against `source_url`; a web feed may link only to http(s), never to
// a file on the bridge's own disk. A DOCTYPE is refused before parsing, as in
// import_cap; an entry with neither CAP inside nor a link is left out.
[[nodiscard]] model::Result<std::vector<CapEntry>> read_cap_source(std::string_view document,
                                                                   std::string_view source_url);

// `reference` resolved against `base` (an http(s) or file URL): "https://h/a/b" + "c" →
// "https://h/a/c", + "/c" → "https://h/c"; an absolute reference is returned as it is.
[[nodiscard]] std::string resolve_url(std::string_view base, std::string_view reference);

}  // namespace keiji::alert
