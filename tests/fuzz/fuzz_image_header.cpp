// libFuzzer target: the PNG / JPEG header check that runs before any image is decoded
// (render::read_image_header). Image files arrive from staff and from the feed; whatever their
// bytes, the check must end quickly with a header or a fault, and what it accepts must be within
// the pixel limit.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "render/image_header.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    keiji::render::MemorySource source(std::span<const std::uint8_t>(data, size));
    const auto header = keiji::render::read_image_header(source);
    if (header &&
        (header->width <= 0 || header->height <= 0 ||
         std::int64_t(header->width) * header->height > keiji::render::max_image_pixels)) {
        std::abort();
    }
    return 0;
}
