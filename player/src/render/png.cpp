#include "render/png.hpp"

#include <SDL_image.h>
#include <fmt/format.h>

#include <algorithm>

#include "storage/file_io.hpp"

namespace keiji::render {

namespace {

// An SDL_RWops that appends whatever is written to a std::string.
struct StringSink {
    static std::size_t write(SDL_RWops* stream, const void* data, std::size_t size,
                             std::size_t count) {
        auto* bytes = static_cast<std::string*>(stream->hidden.unknown.data1);
        bytes->append(static_cast<const char*>(data), size * count);
        return count;
    }
    static Sint64 size(SDL_RWops* stream) {
        return Sint64(static_cast<std::string*>(stream->hidden.unknown.data1)->size());
    }
    static Sint64 seek(SDL_RWops* stream, Sint64, int) { return size(stream); }
    static int close(SDL_RWops*) { return 0; }
    static SDL_RWops into(std::string& bytes) {
        SDL_RWops stream{};
        stream.type = SDL_RWOPS_UNKNOWN;
        stream.size = size;
        stream.seek = seek;
        stream.write = write;
        stream.close = close;
        stream.hidden.unknown.data1 = &bytes;
        return stream;
    }
};

}  // namespace

model::Result<std::string> encode_png(SDL_Surface& picture) {
    std::string bytes;
    SDL_RWops stream = StringSink::into(bytes);
    if (IMG_SavePNG_RW(&picture, &stream, /*freedst=*/0) != 0) {
        return model::failure(fmt::format("cannot encode a PNG: {}", IMG_GetError()));
    }
    return bytes;
}

model::Result<std::string> encode_jpeg(SDL_Surface& picture, int quality) {
    std::string bytes;
    SDL_RWops stream = StringSink::into(bytes);
    if (IMG_SaveJPG_RW(&picture, &stream, /*freedst=*/0, quality) != 0) {
        return model::failure(fmt::format("cannot encode a JPEG: {}", IMG_GetError()));
    }
    return bytes;
}

model::Result<void> save_png(SDL_Surface& picture, const std::filesystem::path& path) {
    const std::string bytes = KEIJI_TRY(encode_png(picture));
    // Whole for whoever reads it next, but not flushed: frames and previews are made again.
    return storage::write_file_atomically(path, bytes, {.durable = false});
}

model::Result<SurfaceHandle> scaled_copy(SDL_Surface& picture, int width) {
    const int height = std::max(1, width * picture.h / std::max(1, picture.w));
    SurfaceHandle source(SDL_ConvertSurfaceFormat(&picture, SDL_PIXELFORMAT_ARGB8888, 0));
    SurfaceHandle small(
        SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!source || !small ||
        SDL_SoftStretchLinear(source.get(), nullptr, small.get(), nullptr) != 0) {
        return model::failure(fmt::format("cannot scale a picture: {}", SDL_GetError()));
    }
    return small;
}

}  // namespace keiji::render
