#pragma once

#include <filesystem>
#include <string_view>

#include "model/error.hpp"
#include "studio/content_store.hpp"
#include "studio/uploads.hpp"

namespace keiji::studio {

struct ImportReport {
    int playlists = 0;
    int items = 0;
};

// Takes the playlists of a folder (the bundled ones, or a ward's existing files) into the studio:
// each playlist as it is written, each photo through the uploads' checks (so its path becomes
// "images/<sha256>.png"), each item approved and ready for the first publish. A playlist with
// mistakes is an error naming them: nothing is half imported.
[[nodiscard]] model::Result<ImportReport> import_playlists(const std::filesystem::path& folder,
                                                           ContentStore& content, Uploads& uploads,
                                                           std::string_view now);

}  // namespace keiji::studio
