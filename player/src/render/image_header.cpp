#include "render/image_header.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

namespace keiji::render {

namespace {

constexpr std::array<std::uint8_t, 8> png_signature{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

std::uint32_t big_endian_32(const std::uint8_t* bytes) {
    return std::uint32_t(bytes[0]) << 24 | std::uint32_t(bytes[1]) << 16 |
           std::uint32_t(bytes[2]) << 8 | std::uint32_t(bytes[3]);
}

std::uint16_t big_endian_16(const std::uint8_t* bytes) {
    return std::uint16_t(bytes[0] << 8 | bytes[1]);
}

// Reads exactly into.size() bytes at `offset`, or reports that the file ends first.
bool read_exact(ByteSource& source, std::uint64_t offset, std::span<std::uint8_t> into) {
    return source.read_at(offset, into) == into.size();
}

std::expected<ImageHeader, ImageProblem> checked_size(ImageHeader header) {
    if (header.width <= 0 || header.height <= 0) {
        return std::unexpected(ImageProblem{ImageFault::damaged});
    }
    if (std::int64_t(header.width) * header.height > max_image_pixels) {
        return std::unexpected(ImageProblem{ImageFault::too_large, header.width, header.height});
    }
    return header;
}

// PNG: the signature, IHDR first (13 bytes: width, height, ...), then chunks up to IEND. Only
// the 8-byte length and type of each chunk are read; the data is skipped by its length.
std::expected<ImageHeader, ImageProblem> read_png(ByteSource& source) {
    std::array<std::uint8_t, 8 + 8 + 13> ihdr{};
    if (!read_exact(source, 0, ihdr)) {
        return std::unexpected(ImageProblem{ImageFault::truncated});
    }
    if (big_endian_32(&ihdr[8]) != 13 || std::memcmp(&ihdr[12], "IHDR", 4) != 0) {
        return std::unexpected(ImageProblem{ImageFault::damaged});
    }
    const std::uint32_t width = big_endian_32(&ihdr[16]);
    const std::uint32_t height = big_endian_32(&ihdr[20]);
    // The PNG specification limits both to 2^31 - 1.
    if (width > 0x7FFFFFFF || height > 0x7FFFFFFF) {
        return std::unexpected(ImageProblem{ImageFault::damaged});
    }
    const auto header = checked_size(ImageHeader{ImageFormat::png, int(width), int(height)});
    if (!header) {
        return header;
    }
    // Each chunk: length (4), type (4), data (length), CRC (4).
    std::uint64_t offset = 8;
    while (true) {
        std::array<std::uint8_t, 8> chunk{};
        if (!read_exact(source, offset, chunk)) {
            return std::unexpected(ImageProblem{ImageFault::truncated});
        }
        const std::uint64_t length = big_endian_32(chunk.data());
        if (length > 0x7FFFFFFF) {
            return std::unexpected(ImageProblem{ImageFault::damaged});
        }
        const std::uint64_t next = offset + 8 + length + 4;
        if (next > source.size()) {
            return std::unexpected(ImageProblem{ImageFault::truncated});
        }
        if (std::memcmp(&chunk[4], "IEND", 4) == 0) {
            return header;
        }
        offset = next;
    }
}

bool is_start_of_frame(std::uint8_t marker) {
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Whether an EOI marker (FF D9) comes after `offset`, read in small blocks. Inside compressed
// data every FF byte is followed by 00 or a restart marker, so the first FF D9 is the real end;
// whatever a camera appends after it (a motion photo's video) is never read.
bool has_end_of_image(ByteSource& source, std::uint64_t offset) {
    std::array<std::uint8_t, 16 * 1024> block{};
    bool previous_was_ff = false;
    while (offset < source.size()) {
        const std::size_t got = source.read_at(offset, block);
        if (got == 0) {
            return false;
        }
        for (std::size_t i = 0; i < got; ++i) {
            if (previous_was_ff && block[i] == 0xD9) {
                return true;
            }
            previous_was_ff = block[i] == 0xFF;
        }
        offset += got;
    }
    return false;
}

// JPEG: SOI, then marker segments (FF, marker, 2-byte length that counts itself) up to SOS,
// after which the compressed data runs to EOI. The size is in the SOF segment.
std::expected<ImageHeader, ImageProblem> read_jpeg(ByteSource& source) {
    // Real files have a few dozen segments (APPn, DQT, DHT, SOF, ...) and a fill byte or two; a
    // file of nothing but fill bytes must not cost a read per byte of it.
    constexpr int most_steps = 4096;
    std::uint64_t offset = 2;
    std::optional<ImageHeader> header;
    for (int step = 0;; ++step) {
        if (step == most_steps) {
            return std::unexpected(ImageProblem{ImageFault::damaged});
        }
        std::array<std::uint8_t, 2> marker{};
        if (!read_exact(source, offset, marker)) {
            return std::unexpected(ImageProblem{ImageFault::truncated});
        }
        if (marker[0] != 0xFF) {
            return std::unexpected(ImageProblem{ImageFault::damaged});
        }
        if (marker[1] == 0xFF) {
            ++offset;  // A fill byte before the marker.
            continue;
        }
        offset += 2;
        const std::uint8_t type = marker[1];
        if ((type >= 0xD0 && type <= 0xD7) || type == 0x01) {
            continue;  // Markers without a length.
        }
        if (type == 0xD8 || type == 0xD9 || type == 0x00) {
            return std::unexpected(ImageProblem{ImageFault::damaged});  // SOI or EOI too early.
        }
        std::array<std::uint8_t, 2> length_bytes{};
        if (!read_exact(source, offset, length_bytes)) {
            return std::unexpected(ImageProblem{ImageFault::truncated});
        }
        const std::uint16_t length = big_endian_16(length_bytes.data());
        if (length < 2) {
            return std::unexpected(ImageProblem{ImageFault::damaged});
        }
        if (is_start_of_frame(type)) {
            // Precision (1), height (2), width (2). A height of 0 (set later by a DNL marker)
            // is legal JPEG that SDL_image cannot decode: damaged, as far as the screen goes.
            std::array<std::uint8_t, 7> frame{};
            if (length < frame.size()) {
                return std::unexpected(ImageProblem{ImageFault::damaged});
            }
            if (!read_exact(source, offset, frame)) {
                return std::unexpected(ImageProblem{ImageFault::truncated});
            }
            const auto checked = checked_size(
                ImageHeader{ImageFormat::jpeg, big_endian_16(&frame[5]), big_endian_16(&frame[3])});
            if (!checked) {
                return checked;
            }
            header = *checked;
        }
        offset += length;
        if (offset > source.size()) {
            return std::unexpected(ImageProblem{ImageFault::truncated});
        }
        if (type == 0xDA) {  // SOS: the compressed data starts here.
            if (!header) {
                return std::unexpected(ImageProblem{ImageFault::damaged});
            }
            if (!has_end_of_image(source, offset)) {
                return std::unexpected(ImageProblem{ImageFault::truncated});
            }
            return *header;
        }
    }
}

}  // namespace

std::size_t MemorySource::read_at(std::uint64_t offset, std::span<std::uint8_t> into) {
    if (offset >= m_bytes.size()) {
        return 0;
    }
    const std::size_t count = std::min<std::uint64_t>(into.size(), m_bytes.size() - offset);
    std::copy_n(m_bytes.begin() + std::ptrdiff_t(offset), count, into.begin());
    return count;
}

std::expected<ImageHeader, ImageProblem> read_image_header(ByteSource& source) {
    if (source.size() == 0) {
        return std::unexpected(ImageProblem{ImageFault::empty});
    }
    std::array<std::uint8_t, 8> signature{};
    const std::size_t got = source.read_at(0, signature);
    if (got == signature.size() && signature == png_signature) {
        return read_png(source);
    }
    if (got >= 3 && signature[0] == 0xFF && signature[1] == 0xD8 && signature[2] == 0xFF) {
        return read_jpeg(source);
    }
    return std::unexpected(ImageProblem{ImageFault::not_an_image});
}

}  // namespace keiji::render
