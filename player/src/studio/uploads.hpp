#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/error.hpp"
#include "studio/database.hpp"

namespace keiji::studio {

// A picture or film staff uploaded, stored under its SHA-256: never under the name it came with.
struct StoredUpload {
    std::string sha256;
    // "images/<sha256>.png", "films/<sha256>.mp4": what an item names, and where the feed puts it.
    std::string path;
    std::string media_type;
    int width = 0;
    int height = 0;
    std::int64_t bytes = 0;
    // Of a film: its length, and what plays badly (warnings of keiji validate, with the ffmpeg
    // command that fixes them). Only on the answer to the upload; not kept.
    std::chrono::milliseconds duration{0};
    model::Errors problems;

    [[nodiscard]] bool is_film() const { return path.starts_with("films/"); }
};

// Photos and films for items. Each upload is checked the way a screen checks its assets, from
// the bytes and never from the name. A picture: PNG or JPEG by its signature, at most
// render::max_image_pixels read from the header before anything is decoded, complete, and
// decodable. A film: a container the screens open (MP4, WebM, Matroska) whose first picture
// decodes (media::probe_video), with a decoder here and no larger than the decoder takes.
// Errors carry the HTTP status to answer (400 damaged or too many pixels, 413 too big, 415
// neither a picture nor a film).
class Uploads {
public:
    static constexpr std::int64_t max_picture_bytes = 20 << 20;
    // A five-minute 1080p film at 8 Mbit/s is 300 MB. The studio holds an upload in memory
    // while it checks it, so this also bounds what one upload costs it.
    static constexpr std::int64_t max_film_bytes = std::int64_t(512) << 20;

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
