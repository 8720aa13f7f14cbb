#pragma once

#include <expected>
#include <string>
#include <string_view>

#include "model/error.hpp"

namespace keiji::sync {

// The feed location as staff write it, as a URL: "https://…" and "file:///…" stay, a local path
// becomes a file:// URL, and a folder means the feed.json inside it.
[[nodiscard]] model::Result<std::string> feed_location_to_url(std::string_view location);

// `reference` (absolute, or relative like "images/gujo.png") resolved against `base`, the
// feed's URL. A reference may not leave the feed's kind of place: from http(s) only http(s),
// and from a file:// feed only files inside the feed's own folder (so "../../etc/passwd" is
// refused rather than read).
[[nodiscard]] model::Result<std::string> resolve_reference(std::string_view base,
                                                           std::string_view reference);

}  // namespace keiji::sync
