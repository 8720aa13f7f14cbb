#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/error.hpp"
#include "studio/database.hpp"

namespace keiji::studio {

// A picture staff uploaded, stored under its SHA-256: never under the name it came with.
struct StoredUpload {
    std::string sha256;
    std::string path;  // "images/<sha256>.png": what an item names, and where the feed puts it.
    std::string media_type;
    int width = 0;
    int height = 0;
    std::int64_t bytes = 0;
};

// Photos for items. Each upload is checked the way a screen checks its assets, from the bytes
// and never from the name: PNG or JPEG by its signature, at most render::max_image_pixels read
// from the header before anything is decoded, complete, and decodable. Errors carry the HTTP
// status to answer (400 damaged or too many pixels, 413 too big, 415 not a picture).
class Uploads {
public:
    static constexpr std::int64_t max_bytes = 20 << 20;

    Uploads(Database& database, std::filesystem::path root)
        : m_database(database), m_root(std::move(root)) {}

    [[nodiscard]] model::Result<StoredUpload> store(std::string_view bytes,
                                                    std::string_view original_name,
                                                    std::string_view by, std::string_view now);
    [[nodiscard]] model::Result<std::optional<StoredUpload>> find(std::string_view sha256);

    // The folder items' image paths resolve against ("images/…" is below it).
    [[nodiscard]] const std::filesystem::path& root() const { return m_root; }

private:
    Database& m_database;
    std::filesystem::path m_root;
};

}  // namespace keiji::studio
