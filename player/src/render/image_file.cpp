#include "render/image_file.hpp"

#include <SDL_image.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace keiji::render {

namespace {

// An open SDL file as a ByteSource: positioned reads through SDL's buffered stdio.
class RWopsSource final : public ByteSource {
public:
    explicit RWopsSource(SDL_RWops* file)
        : m_file(file), m_size(std::max<Sint64>(0, SDL_RWsize(file))) {}
    [[nodiscard]] std::uint64_t size() const override { return m_size; }
    std::size_t read_at(std::uint64_t offset, std::span<std::uint8_t> into) override {
        if (SDL_RWseek(m_file, Sint64(offset), RW_SEEK_SET) < 0) {
            return 0;
        }
        return SDL_RWread(m_file, into.data(), 1, into.size());
    }

private:
    SDL_RWops* m_file;
    std::uint64_t m_size;
};

struct RWopsCloser {
    void operator()(SDL_RWops* file) const { SDL_RWclose(file); }
};
using RWopsHandle = std::unique_ptr<SDL_RWops, RWopsCloser>;

std::unexpected<model::Error> failure(const ImageProblem& problem, const std::string& path,
                                      std::string_view shown_as) {
    return model::failure(
        model::Error{.where = {.file = path},
                     .message = describe(problem, shown_as.empty() ? path : shown_as),
                     .cause = {.kind = model::Cause::Kind::image, .code = long(problem.fault)}});
}

}  // namespace

model::Result<ImageHeader> check_image_file(const std::string& path, std::string_view shown_as) {
    const RWopsHandle file(SDL_RWFromFile(path.c_str(), "rb"));
    if (!file) {
        return failure(ImageProblem{ImageFault::unreadable}, path, shown_as);
    }
    RWopsSource source(file.get());
    auto header = read_image_header(source);
    if (!header) {
        return failure(header.error(), path, shown_as);
    }
    return *header;
}

model::Result<SurfaceHandle> load_image(const std::string& path, std::string_view shown_as) {
    RWopsHandle file(SDL_RWFromFile(path.c_str(), "rb"));
    if (!file) {
        return failure(ImageProblem{ImageFault::unreadable}, path, shown_as);
    }
    RWopsSource source(file.get());
    const auto header = read_image_header(source);
    if (!header) {
        return failure(header.error(), path, shown_as);
    }
    if (SDL_RWseek(file.get(), 0, RW_SEEK_SET) < 0) {
        return failure(ImageProblem{ImageFault::unreadable}, path, shown_as);
    }
    // The decoder named by the checked signature, not whichever one SDL_image guesses.
    SurfaceHandle surface(IMG_LoadTyped_RW(file.get(), /*freesrc=*/0,
                                           header->format == ImageFormat::png ? "PNG" : "JPG"));
    if (!surface || surface->w != header->width || surface->h != header->height) {
        return failure(ImageProblem{ImageFault::undecodable}, path, shown_as);
    }
    return surface;
}

std::optional<ImageFault> image_fault(const model::Error& error) {
    if (error.cause.kind != model::Cause::Kind::image) {
        return std::nullopt;
    }
    return ImageFault(error.cause.code);
}

model::Message describe(const ImageProblem& problem, std::string_view name) {
    switch (problem.fault) {
        case ImageFault::unreadable:
            return {fmt::format("the image file \"{}\" cannot be opened (it is missing, or the "
                                "player may not read it)",
                                name),
                    fmt::format("画像ファイル「{}」を開けません(ファイルがないか、読み取りが許可"
                                "されていません)",
                                name)};
        case ImageFault::empty:
            return {fmt::format("the image file \"{}\" is empty (0 bytes), probably from a copy "
                                "that failed; copy the picture again",
                                name),
                    fmt::format("画像ファイル「{}」は空(0 バイト)です。コピーに失敗した可能性が"
                                "あります。もう一度コピーしてください",
                                name)};
        case ImageFault::not_an_image:
            return {fmt::format("the file \"{}\" is not a PNG or JPEG picture, whatever its name "
                                "says; open it in an image editor and save it as PNG or JPEG",
                                name),
                    fmt::format("ファイル「{}」は名前に関わらず PNG / JPEG の画像ではありません。"
                                "画像編集ソフトで開き、PNG か JPEG で保存してください",
                                name)};
        case ImageFault::damaged:
            return {fmt::format("the image \"{}\" is damaged and cannot be read; save it again as "
                                "PNG or JPEG",
                                name),
                    fmt::format("画像「{}」は壊れていて読めません。PNG か JPEG で保存し直して"
                                "ください",
                                name)};
        case ImageFault::truncated:
            return {fmt::format("the image \"{}\" is cut off: the file ends before the picture "
                                "does (a copy or download that stopped early); copy it again "
                                "from the original",
                                name),
                    fmt::format("画像「{}」は途中で切れています(コピーやダウンロードが途中で止ま"
                                "ったようです)。元の画像からもう一度コピーしてください",
                                name)};
        case ImageFault::too_large:
            return {fmt::format("the image \"{}\" is {}×{} pixels, more than the {} million "
                                "pixels a screen accepts (a 4K screen has 8.3 million); make it "
                                "smaller, for example 3840×2160",
                                name, problem.width, problem.height, max_image_pixels / 1'000'000),
                    fmt::format("画像「{}」は {}×{} ピクセルで、画面に出せる {} 万画素を超えて"
                                "います(4K 画面は約 830 万画素)。3840×2160 などに縮小してくだ"
                                "さい",
                                name, problem.width, problem.height, max_image_pixels / 10'000)};
        case ImageFault::undecodable:
            return {fmt::format("the picture data of the image \"{}\" is damaged; save it again "
                                "as PNG or JPEG",
                                name),
                    fmt::format("画像「{}」の画像データが壊れています。PNG か JPEG で保存し直し"
                                "てください",
                                name)};
    }
    return {std::string(name), std::string(name)};
}

}  // namespace keiji::render
