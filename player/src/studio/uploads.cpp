#include "studio/uploads.hpp"

#include <SDL_image.h>
#include <fmt/format.h>

#include <algorithm>
#include <span>

#include "media/video_checks.hpp"
#include "media/video_probe.hpp"
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

model::Error too_big(const std::string& name, std::size_t size, std::string_view what_en,
                     std::string_view what_ja, std::int64_t limit) {
    return http_error(413,
                      fmt::format("\"{}\" is {} MB; {} may have at most {} MB", name, size >> 20,
                                  what_en, limit >> 20),
                      fmt::format("「{}」は {} MB あります。{}は {} MB までです", name, size >> 20,
                                  what_ja, limit >> 20));
}

// A picture whose header is sound and small enough: decoded once, so one whose pixel data is
// damaged is refused now rather than shown as a plain colour on the screens.
model::Result<StoredUpload> checked_picture(std::string_view bytes, const std::string& sha256,
                                            const render::ImageHeader& header,
                                            const std::string& name) {
    if (std::int64_t(bytes.size()) > Uploads::max_picture_bytes) {
        return model::failure(
            too_big(name, bytes.size(), "a picture", "画像", Uploads::max_picture_bytes));
    }
    const bool png = header.format == render::ImageFormat::png;
    SDL_RWops* stream = SDL_RWFromConstMem(bytes.data(), int(bytes.size()));
    const render::SurfaceHandle decoded(
        IMG_LoadTyped_RW(stream, /*freesrc=*/1, png ? "PNG" : "JPG"));
    if (!decoded || decoded->w != header.width || decoded->h != header.height) {
        const model::Message why =
            render::describe(render::ImageProblem{render::ImageFault::undecodable}, name);
        return model::failure(http_error(400, why.en, why.ja));
    }
    return StoredUpload{.sha256 = sha256,
                        .path = fmt::format("images/{}.{}", sha256, png ? "png" : "jpg"),
                        .media_type = png ? "image/png" : "image/jpeg",
                        .width = header.width,
                        .height = header.height};
}

// An MP4/MOV ("ftyp" at byte 4) or a Matroska/WebM (the EBML magic): a film, maybe a damaged
// one, whose own fault is then worth telling; anything else is simply not a film.
bool looks_like_film_container(std::string_view bytes) {
    return (bytes.size() >= 8 && bytes.substr(4, 4) == "ftyp") ||
           bytes.starts_with("\x1a\x45\xdf\xa3");
}

// A film, opened and its first picture decoded as a screen would. What keeps every screen
// from playing it is refused; what makes it play badly comes back as warnings.
model::Result<StoredUpload> checked_film(std::string_view bytes, const std::string& sha256,
                                         const std::string& name) {
    const auto facts = media::probe_video_bytes(
        std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    if (!facts && looks_like_film_container(bytes)) {
        return model::failure(http_error(
            415,
            fmt::format("\"{}\" is a film the screens cannot play: {}", name,
                        facts.error().text("en")),
            fmt::format("「{}」は画面で再生できない動画です: {}", name, facts.error().text("ja"))));
    }
    if (!facts) {
        return model::failure(http_error(
            415,
            fmt::format("\"{}\" is neither a picture (PNG, JPEG) nor a film (MP4, WebM), "
                        "whatever its name says. Save a photo as PNG or JPEG, a film as MP4 or "
                        "WebM, and upload it again",
                        name),
            fmt::format("「{}」は名前に関わらず、画像(PNG・JPEG)でも動画(MP4・WebM)でもありません。"
                        "写真は PNG か JPEG、動画は MP4 か WebM で保存して、もう一度アップロード"
                        "してください",
                        name)));
    }
    // The studio does not know the item's slot here: the length is checked in the item.
    model::Errors problems =
        media::check_video(*facts, media::VideoLimits{}, media::VideoSlot{}, name);
    for (const model::Error& problem : problems) {
        if (problem.severity == model::Severity::error) {
            return model::failure(http_error(400, problem.text("en"), problem.text("ja")));
        }
    }
    const bool mp4 = facts->container.find("mp4") != std::string::npos;
    const bool webm =
        !mp4 && (facts->codec == "vp8" || facts->codec == "vp9" || facts->codec == "av1");
    return StoredUpload{.sha256 = sha256,
                        .path = fmt::format("films/{}.{}", sha256,
                                            mp4    ? "mp4"
                                            : webm ? "webm"
                                                   : "mkv"),
                        .media_type = mp4    ? "video/mp4"
                                      : webm ? "video/webm"
                                             : "video/x-matroska",
                        .width = facts->width,
                        .height = facts->height,
                        .duration = facts->duration,
                        .problems = std::move(problems)};
}

}  // namespace

model::Result<StoredUpload> Uploads::store(std::string_view bytes, std::string_view original_name,
                                           std::string_view by, std::string_view now) {
    const std::string name = shown_name(original_name);
    if (std::int64_t(bytes.size()) > max_film_bytes) {
        return model::failure(too_big(name, bytes.size(), "a film", "動画", max_film_bytes));
    }
    render::MemorySource source(
        std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    const auto header = render::read_image_header(source);
    const std::string sha256 = sync::sha256_hex(bytes);
    StoredUpload upload;
    if (header) {
        upload = KEIJI_TRY(checked_picture(bytes, sha256, *header, name));
    } else if (header.error().fault == render::ImageFault::not_an_image ||
               header.error().fault == render::ImageFault::empty) {
        upload = KEIJI_TRY(checked_film(bytes, sha256, name));
    } else {
        const model::Message why = render::describe(header.error(), name);
        return model::failure(http_error(400, why.en, why.ja));
    }
    upload.bytes = std::int64_t(bytes.size());
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
