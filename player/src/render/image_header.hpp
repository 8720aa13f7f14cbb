#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <span>

namespace keiji::render {

// The most pixels an image may have to be decoded: 40 megapixels. A 4K screen is 8.3 MP and 8K
// 33.2 MP; a full-resolution photo straight from a 24–36 MP camera still fits. Decoded, an image
// takes 4 bytes a pixel, so the limit holds one image to 160 MB and the decode-ahead cache
// (ImageCache, 4 images) to 640 MB at worst, while a file whose header claims 50000×50000
// (10 GB decoded) is refused before any pixel is allocated.
inline constexpr std::int64_t max_image_pixels = 40'000'000;

// Where image bytes come from: a file on disk, or memory in tests and the fuzzer. Reads are
// small and positioned, so checking a file never holds more than a few kilobytes of it.
class ByteSource {
public:
    virtual ~ByteSource() = default;
    [[nodiscard]] virtual std::uint64_t size() const = 0;
    // Copies up to into.size() bytes from `offset`; returns how many (fewer at the end).
    virtual std::size_t read_at(std::uint64_t offset, std::span<std::uint8_t> into) = 0;
};

class MemorySource final : public ByteSource {
public:
    explicit MemorySource(std::span<const std::uint8_t> bytes) : m_bytes(bytes) {}
    [[nodiscard]] std::uint64_t size() const override { return m_bytes.size(); }
    std::size_t read_at(std::uint64_t offset, std::span<std::uint8_t> into) override;

private:
    std::span<const std::uint8_t> m_bytes;
};

enum class ImageFormat { png, jpeg };

struct ImageHeader {
    ImageFormat format = ImageFormat::png;
    int width = 0;
    int height = 0;
};

// Why an image will not be shown.
enum class ImageFault {
    unreadable,    // The file cannot be opened.
    empty,         // 0 bytes.
    not_an_image,  // Neither PNG nor JPEG, whatever the file is called.
    damaged,       // PNG or JPEG, but its structure is broken.
    truncated,     // The file ends before the picture does (an interrupted copy).
    too_large,     // More than max_image_pixels: refused before decoding.
    undecodable,   // The structure is sound but the decoder failed on the pixel data.
};

// A fault, with the size the header claims when it got that far (too_large says how large).
struct ImageProblem {
    ImageFault fault = ImageFault::unreadable;
    int width = 0;
    int height = 0;
};

// Reads what the file says about itself without decoding any pixel: the format from its
// signature, the size from the PNG IHDR chunk or the JPEG SOF segment, and whether the file is
// complete (PNG: every chunk is there up to IEND; JPEG: an EOI marker follows the image data).
[[nodiscard]] std::expected<ImageHeader, ImageProblem> read_image_header(ByteSource& source);

}  // namespace keiji::render
