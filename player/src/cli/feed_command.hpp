#pragma once

#include "cli/command.hpp"

namespace keiji::cli {

// `keiji feed build DIR [--key SECRET]`: writes DIR/feed.json (and its signature) listing the
// playlists in DIR and the images they use, with sizes and SHA-256 (sync::build_feed).
[[nodiscard]] Command add_feed_command(CLI::App& app, const Context& context);

}  // namespace keiji::cli
