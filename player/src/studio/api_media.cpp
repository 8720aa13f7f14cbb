// Uploads of photos and films, and previews drawn by the player's renderer.
#include <fmt/format.h>
#include <httplib.h>

#include <charconv>

#include "model/time.hpp"
#include "storage/file_io.hpp"
#include "studio/item_checks.hpp"
#include "studio/routes.hpp"

namespace keiji::studio {

namespace {

void upload(Call& call) {
    if (!call.allow({Role::editor, Role::approver, Role::admin})) {
        return;
    }
    if (!call.request.has_file("file")) {
        call.send_error(http_error(400, "send the picture or film as the form field \"file\"",
                                   "画像か動画をフォームの「file」として送ってください"));
        return;
    }
    const httplib::MultipartFormData file = call.request.get_file_value("file");
    const auto stored =
        call.studio.uploads().store(file.content, file.filename, call.user().name, call.now_text());
    if (!stored) {
        call.send_error(stored.error());
        return;
    }
    call.audit("upload", stored->path, fmt::format("{}x{}", stored->width, stored->height));
    nlohmann::json answer = {
        {"path", stored->path},   {"kind", stored->is_film() ? "film" : "picture"},
        {"width", stored->width}, {"height", stored->height},
        {"bytes", stored->bytes}, {"media_type", stored->media_type}};
    if (stored->is_film()) {
        answer["seconds"] = double(stored->duration.count()) / 1000.0;
        answer["problems"] = to_json(stored->problems);
    }
    call.send_json(201, answer);
}

void uploaded_file(Call& call) {
    const auto found = call.studio.uploads().find(call.match(1));
    if (!found || !*found) {
        call.send_error(
            http_error(404, "there is no such picture or film", "その画像・動画はありません"));
        return;
    }
    const std::filesystem::path path = call.studio.uploads().root() / (*found)->path;
    if ((*found)->is_film()) {
        // Hundreds of megabytes: sent from the file as the browser asks for it (its player
        // asks for ranges), never read whole into memory.
        call.send_file(path, (*found)->media_type);
        return;
    }
    auto bytes = storage::read_file(path);
    if (!bytes) {
        call.send_error(bytes.error(), 500);
        return;
    }
    call.send_bytes(std::move(*bytes), (*found)->media_type);
}

std::optional<render::Frame> frame_of(const std::string& size) {
    for (const render::Frame frame :
         {render::Frame{1920, 1080}, render::Frame{1080, 1920}, render::Frame{3840, 2160}}) {
        if (size == fmt::format("{}x{}", frame.width, frame.height)) {
            return frame;
        }
    }
    return std::nullopt;
}

void preview(Call& call) {
    const auto frame = frame_of(call.body.value("size", "1920x1080"));
    const nlohmann::json item = call.body.value("item", nlohmann::json());
    const std::string language = call.body.value("language", "ja");
    if (!frame || !item.is_object() || language.size() > 35) {
        call.send_error(http_error(400,
                                   "send the item, a size of 1920x1080, 1080x1920 or "
                                   "3840x2160, and a language",
                                   "項目と、1920x1080・1080x1920・3840x2160 のいずれかのサイズ、"
                                   "言語を送ってください"));
        return;
    }
    model::TimePoint at = call.now;
    if (call.body.contains("at") && call.body["at"].is_string()) {
        if (const auto parsed = model::parse_timestamp(call.body["at"].get<std::string>())) {
            at = *parsed;
        }
    }
    const nlohmann::json sequence = call.body.value("sequence", nlohmann::json(0));
    // One page of one signed-in browser: its newer requests replace its older ones.
    const std::string page =
        session_token(call.request) + "/" + call.body.value("page", std::string("0"));
    nlohmann::json extra = nlohmann::json::object();
    if (const auto playlists = call.studio.content().playlists()) {
        for (const PlaylistRecord& playlist : *playlists) {
            if (playlist.id == call.body.value("playlist", "")) {
                extra = playlist.extra;
            }
        }
    }
    auto drawn = call.studio.previews()
                     .draw({.page = page,
                            .playlist = playlist_of_one(item, extra),
                            .frame = *frame,
                            .language = language,
                            .at = at})
                     .get();
    if (!drawn) {
        if (status_of(drawn.error(), 500) == 409) {
            call.send_json(409, {{"superseded", true}, {"sequence", sequence}});
            return;
        }
        call.send_error(drawn.error(), 500);
        return;
    }
    call.send_json(200, {{"id", drawn->id},
                         {"width", drawn->frame.width},
                         {"height", drawn->frame.height},
                         {"problems", to_json(drawn->problems)},
                         {"sequence", sequence}});
}

void preview_picture(Call& call) {
    std::optional<int> width;
    if (call.request.has_param("width")) {
        const std::string text = call.request.get_param_value("width");
        int value = 0;
        if (std::from_chars(text.data(), text.data() + text.size(), value).ec == std::errc() &&
            value >= 16 && value <= 3840) {
            width = value;
        }
    }
    auto png = call.studio.previews().png(call.match(1), width).get();
    if (!png || png->empty()) {
        call.send_error(http_error(404, "this preview is no longer kept; draw it again",
                                   "このプレビューはもうありません。もう一度表示してください"));
        return;
    }
    call.send_bytes(std::move(*png), "image/png");
}

}  // namespace

void add_media_routes(Router& router) {
    router.post("/api/uploads", Access::signed_in, upload);
    router.get(R"(/api/uploads/([0-9a-f]{64}))", Access::signed_in, uploaded_file);
    router.post("/api/preview", Access::signed_in, preview);
    router.get(R"(/api/previews/([0-9]+(?:-[0-9]+)?)\.png)", Access::signed_in, preview_picture);
}

}  // namespace keiji::studio
