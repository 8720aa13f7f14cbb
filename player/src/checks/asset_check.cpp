#include "checks/asset_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>

#include "render/image_file.hpp"

namespace keiji::checks {

namespace fs = std::filesystem;

namespace {

// The box a photo covers on `frame`, in the proportions the promo and event templates use.
render::Rect photo_box(render::Frame frame) {
    if (frame.height > frame.width) {
        return render::Rect{0, 0, frame.width, frame.height * 2 / 5};
    }
    return render::Rect{0, 0, frame.width / 2, frame.height * 85 / 100};
}

// What one image file turned out to be: a message when the screen cannot show it, else its size.
struct Examined {
    std::optional<model::Message> failure;
    int width = 0;
    int height = 0;
};

Examined examine(const fs::path& path, const std::string& image) {
    std::error_code error;
    if (!fs::is_regular_file(path, error)) {
        return {.failure = model::Message{
                    fmt::format("the image file \"{}\" does not exist (looked for {}); the screen "
                                "would show a plain colour instead",
                                image, path.string()),
                    fmt::format("画像ファイル「{}」が見つかりません({} を探しました)。画面には"
                                "写真の代わりに色の面が出ます",
                                image, path.string())}};
    }
    // The same check and decoder the screen uses: what fails here is skipped there.
    const auto decoded = render::load_image(path.string(), image);
    if (!decoded) {
        return {.failure = decoded.error().message};
    }
    return {.width = (*decoded)->w, .height = (*decoded)->h};
}

// `seen`: the images already examined in this playlist, by the name written: a photo that
// several items share is decoded once.
void check_image(const storage::PlaylistFile& file, std::size_t index, const std::string& image,
                 render::Frame frame, std::map<std::string, Examined>& seen,
                 model::Errors& problems) {
    if (image.empty()) {
        return;
    }
    auto known = seen.find(image);
    if (known == seen.end()) {
        known = seen.emplace(
                        image,
                        examine(storage::resolve_asset(file.playlist.base_directory, image), image))
                    .first;
    }
    const Examined& examined = known->second;
    // A film's picture is its poster.
    const bool poster = model::video_of(file.playlist.items.at(index)) != nullptr;
    const std::string pointer =
        model::append_pointer(model::append_pointer("/items", index), poster ? "poster" : "image");
    const model::SourceLocation where = file.document.location_of(pointer);
    if (examined.failure) {
        problems.push_back(model::Error{.where = where, .message = *examined.failure});
        return;
    }
    const render::Rect box = photo_box(frame);
    const int width = examined.width;
    const int height = examined.height;
    const double enlargement = std::max(double(box.w) / width, double(box.h) / height);
    if (enlargement > maximum_image_enlargement) {
        const int need_w = int(std::ceil(box.w / maximum_image_enlargement));
        const int need_h = int(std::ceil(box.h / maximum_image_enlargement));
        problems.push_back(model::Error{
            .where = where,
            .message = {fmt::format("the image \"{}\" is {}×{} pixels: on a {}×{} screen it is "
                                    "enlarged {:.1f} times and looks blurred; use at least {}×{}",
                                    image, width, height, frame.width, frame.height, enlargement,
                                    need_w, need_h),
                        fmt::format("画像「{}」は {}×{} ピクセルです。{}×{} の画面では {:.1f} 倍"
                                    "に拡大されてぼやけます。{}×{} 以上の画像にしてください",
                                    image, width, height, frame.width, frame.height, enlargement,
                                    need_w, need_h)},
            .severity = model::Severity::warning});
    }
}

}  // namespace

model::Errors check_item_images(const storage::PlaylistFile& file, std::size_t index,
                                render::Frame frame) {
    model::Errors problems;
    std::map<std::string, Examined> seen;
    if (const std::string* image = model::image_of(file.playlist.items.at(index))) {
        check_image(file, index, *image, frame, seen, problems);
    }
    return problems;
}

model::Errors check_images(const storage::PlaylistFile& file, render::Frame frame) {
    model::Errors problems;
    std::map<std::string, Examined> seen;
    for (std::size_t i = 0; i < file.playlist.items.size(); ++i) {
        if (const std::string* image = model::image_of(file.playlist.items[i])) {
            check_image(file, i, *image, frame, seen, problems);
        }
    }
    return problems;
}

}  // namespace keiji::checks
