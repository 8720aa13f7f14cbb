#include "studio/content_import.hpp"

#include <fmt/format.h>

#include "storage/file_io.hpp"
#include "storage/playlist_file.hpp"

namespace keiji::studio {

model::Result<ImportReport> import_playlists(const std::filesystem::path& folder,
                                             ContentStore& content, Uploads& uploads,
                                             std::string_view now) {
    ImportReport report;
    for (const std::filesystem::path& path : storage::playlist_files_in(folder)) {
        auto file = storage::load_playlist_file(path);
        if (!file) {
            return model::failure(
                model::Error(file.error().front())
                    .context(fmt::format("{} cannot be imported", path.string())));
        }
        nlohmann::json extra = file->document.root();
        nlohmann::json items = extra.value("items", nlohmann::json::array());
        const nlohmann::json title = extra.value("title", nlohmann::json::object());
        for (const char* member : {"$schema", "id", "title", "items"}) {
            extra.erase(member);
        }
        KEIJI_TRY(content.add_playlist(file->playlist.id, title, extra));
        ++report.playlists;
        for (nlohmann::json& item : items) {
            // Photos, films and posters become uploads, checked as staff's are.
            for (const char* member : {"image", "video", "poster"}) {
                if (item.contains(member) && item[member].is_string() &&
                    !item[member].get<std::string>().empty()) {
                    const std::string name = item[member].get<std::string>();
                    const std::string bytes = KEIJI_TRY(storage::read_file(
                        storage::resolve_asset(file->playlist.base_directory, name)));
                    const StoredUpload stored = KEIJI_TRY(uploads.store(bytes, name, "keiji", now));
                    item[member] = stored.path;
                }
            }
            const ItemRecord added =
                KEIJI_TRY(content.add_item(file->playlist.id, item, "keiji", now));
            KEIJI_TRY(content.set_state(added.id, ItemState::approved, "", "keiji", now));
            ++report.items;
        }
    }
    return report;
}

}  // namespace keiji::studio
