// The image check that runs before any decoding: format, size and completeness from the bytes.
#include "render/image_header.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "test_paths.hpp"

using namespace keiji::render;

namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    REQUIRE(file);
    return Bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

void append_32(Bytes& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) {
        out.push_back(std::uint8_t(value >> shift));
    }
}

void append_chunk(Bytes& out, const char* type, const Bytes& data) {
    append_32(out, std::uint32_t(data.size()));
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data.begin(), data.end());
    append_32(out, 0);  // The CRC: the check reads structure, the decoder verifies CRCs.
}

// A PNG with the given IHDR size; the pixel data is whatever `idat` is (nothing here decodes).
Bytes png(std::uint32_t width, std::uint32_t height, Bytes idat = {0x78, 0x9C, 0x03, 0x00}) {
    Bytes out{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    Bytes ihdr;
    append_32(ihdr, width);
    append_32(ihdr, height);
    ihdr.insert(ihdr.end(), {8, 2, 0, 0, 0});
    append_chunk(out, "IHDR", ihdr);
    append_chunk(out, "IDAT", idat);
    append_chunk(out, "IEND", {});
    return out;
}

std::expected<ImageHeader, ImageProblem> check(const Bytes& bytes) {
    MemorySource source(bytes);
    return read_image_header(source);
}

ImageFault fault_of(const Bytes& bytes) {
    const auto header = check(bytes);
    REQUIRE_FALSE(header.has_value());
    return header.error().fault;
}

Bytes hostile(const char* name) {
    return read_file(keiji::test::source_path(std::string("tests/data/hostile/") + name));
}

Bytes sample(const char* name) {
    return read_file(
        keiji::test::source_path(std::string("tests/fuzz/corpus/image_header/") + name));
}

}  // namespace

TEST_CASE("image header: PNG and JPEG sizes are read without decoding") {
    const auto png_header = check(sample("small.png"));
    REQUIRE(png_header.has_value());
    CHECK(png_header->format == ImageFormat::png);
    CHECK(png_header->width == 8);
    CHECK(png_header->height == 8);
    for (const char* name : {"photo.jpg", "progressive.jpg"}) {
        CAPTURE(name);
        const auto jpeg_header = check(sample(name));
        REQUIRE(jpeg_header.has_value());
        CHECK(jpeg_header->format == ImageFormat::jpeg);
        CHECK(jpeg_header->width == 160);
        CHECK(jpeg_header->height == 120);
    }
    const auto bundled = check(read_file(keiji::test::source_path("playlists/images/gujo.png")));
    CHECK(bundled.has_value());
}

TEST_CASE("image header: the pixel limit is checked on the header's claim") {
    // 8000×5000 is exactly 40 megapixels: allowed. One row more is not.
    CHECK(check(png(8000, 5000)).has_value());
    const auto over = check(png(8000, 5001));
    REQUIRE_FALSE(over.has_value());
    CHECK(over.error().fault == ImageFault::too_large);
    CHECK(over.error().width == 8000);
    CHECK(over.error().height == 5001);

    const auto huge = check(hostile("huge-50000x50000.png"));
    REQUIRE_FALSE(huge.has_value());
    CHECK(huge.error().fault == ImageFault::too_large);
    CHECK(huge.error().width == 50000);
    const auto huge_jpeg = check(hostile("huge-60000x60000.jpg"));
    REQUIRE_FALSE(huge_jpeg.has_value());
    CHECK(huge_jpeg.error().fault == ImageFault::too_large);
    CHECK(huge_jpeg.error().height == 60000);
}

TEST_CASE("image header: empty, foreign, cut short and broken files are told apart") {
    CHECK(fault_of(hostile("empty.png")) == ImageFault::empty);
    CHECK(fault_of(hostile("not-an-image.png")) == ImageFault::not_an_image);
    CHECK(fault_of(hostile("truncated.jpg")) == ImageFault::truncated);
    CHECK(fault_of({'G', 'I', 'F', '8', '9', 'a'}) == ImageFault::not_an_image);

    Bytes cut_png = png(10, 10);
    cut_png.resize(cut_png.size() - 12);  // IEND is gone.
    CHECK(fault_of(cut_png) == ImageFault::truncated);
    Bytes cut_mid_chunk = png(10, 10);
    cut_mid_chunk.resize(8 + 25 + 6);
    CHECK(fault_of(cut_mid_chunk) == ImageFault::truncated);

    CHECK(fault_of(png(0, 10)) == ImageFault::damaged);
    CHECK(fault_of(png(0x80000000, 1)) == ImageFault::damaged);
    Bytes wrong_first_chunk = png(10, 10);
    wrong_first_chunk[12] = 'X';
    CHECK(fault_of(wrong_first_chunk) == ImageFault::damaged);

    // A JPEG whose segments reach SOS without a frame header, and one that is only fill bytes.
    CHECK(fault_of({0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x00, 0xFF, 0xD9}) == ImageFault::damaged);
    Bytes fill(100'000, 0xFF);
    fill[1] = 0xD8;
    CHECK(fault_of(fill) == ImageFault::damaged);
}

TEST_CASE("image header: a JPEG may carry data after its end, as motion photos do") {
    Bytes photo = sample("photo.jpg");
    photo.insert(photo.end(), 5000, 0x42);
    CHECK(check(photo).has_value());
}
