#include "studio/uploads.hpp"

#include <SDL_image.h>
#include <fmt/format.h>

#include <algorithm>
#include <span>

#include "render/image_file.hpp"
#include "render/image_header.hpp"
#include "render/sdl_handles.hpp"
#include "storage/file_io.hpp"
#include "studio/workflow.hpp"
#include "sync/sha256.hpp"

namespace keiji::studio {

namespace {

bool is_sha256(std::string_view text) {
    return text.size() == 64 && std::ranges::all_of(text, [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// The original name, for messages only: its last path segment, at most 100 characters.
std::string shown_name(std::string_view original) {
    const auto slash = original.find_last_of("/\\");
    std::string name(slash == std::string_view::npos ? original : original.substr(slash + 1));
    return name.size() > 100 ? name.substr(0, 100) : name;
}

}  // namespace

model::Result<StoredUpload> Uploads::store(std::string_view bytes, std::string_view original_name,
                                           std::string_view by, std::string_view now) {
    const std::string name = shown_name(original_name);
    if (std::int64_t(bytes.size()) > max_bytes) {
        return model::failure(
            http_error(413,
                       fmt::format("\"{}\" is {} MB; a picture may have at most {} MB", name,
                                   bytes.size() >> 20, max_bytes >> 20),
                       fmt::format("「{}」は {} MB あります。画像は {} MB までです", name,
                                   bytes.size() >> 20, max_bytes >> 20)));
    }
    render::MemorySource source(
        std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    const auto header = render::read_image_header(source);
    if (!header) {
        const render::ImageFault fault = header.error().fault;
        const model::Message why = render::describe(header.error(), name);
        const bool not_a_picture =
            fault == render::ImageFault::not_an_image || fault == render::ImageFault::empty;
        return model::failure(http_error(not_a_picture ? 415 : 400, why.en, why.ja));
    }
    // The header is sound and small enough: decode once, so a picture whose pixel data is
    // damaged is refused now rather than shown as a plain colour on the screens.
    SDL_RWops* stream = SDL_RWFromConstMem(bytes.data(), int(bytes.size()));
    const render::SurfaceHandle decoded(IMG_LoadTyped_RW(
        stream, /*freesrc=*/1, header->format == render::ImageFormat::png ? "PNG" : "JPG"));
    if (!decoded || decoded->w != header->width || decoded->h != header->height) {
        const model::Message why =
            render::describe(render::ImageProblem{render::ImageFault::undecodable}, name);
        return model::failure(http_error(400, why.en, why.ja));
    }
    const bool png = header->format == render::ImageFormat::png;
    StoredUpload upload{.sha256 = sync::sha256_hex(bytes),
                        .media_type = png ? "image/png" : "image/jpeg",
                        .width = header->width,
                        .height = header->height,
                        .bytes = std::int64_t(bytes.size())};
    upload.path = fmt::format("images/{}.{}", upload.sha256, png ? "png" : "jpg");
    KEIJI_TRY(storage::write_file_atomically(m_root / upload.path, bytes));
    KEIJI_TRY(m_database.execute(
        "INSERT INTO uploads (sha256, path, media_type, width, height, bytes, original_name, "
        "uploaded_by, uploaded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
        "ON CONFLICT (sha256) DO NOTHING",
        {upload.sha256, upload.path, upload.media_type, std::int64_t(upload.width),
         std::int64_t(upload.height), upload.bytes, name, std::string(by), std::string(now)}));
    return upload;
}

model::Result<std::optional<StoredUpload>> Uploads::find(std::string_view sha256) {
    if (!is_sha256(sha256)) {
        return std::optional<StoredUpload>();
    }
    const auto rows = KEIJI_TRY(m_database.query(
        "SELECT sha256, path, media_type, width, height, bytes FROM uploads WHERE sha256 = ?1",
        {std::string(sha256)}));
    if (rows.empty()) {
        return std::optional<StoredUpload>();
    }
    const SqlRow& row = rows.front();
    return std::optional<StoredUpload>(StoredUpload{.sha256 = row.text(0),
                                                    .path = row.text(1),
                                                    .media_type = row.text(2),
                                                    .width = int(row.integer(3)),
                                                    .height = int(row.integer(4)),
                                                    .bytes = row.integer(5)});
}

}  // namespace keiji::studio
