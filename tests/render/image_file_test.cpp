// Loading an image file as the screen does: checked first, decoded only when the check passes.
#include "render/image_file.hpp"

#include <doctest/doctest.h>

#include <string>

#include "render/image_cache.hpp"
#include "sdl_fixture.hpp"
#include "test_paths.hpp"

using namespace keiji;

namespace {

std::string hostile(const char* name) {
    return test::source_path(std::string("tests/data/hostile/") + name);
}

}  // namespace

TEST_CASE("image file: hostile files are refused with their reason, none is decoded") {
    test::SdlFixture sdl;
    struct Case {
        const char* name;
        render::ImageFault fault;
        const char* english;
        const char* japanese;
    };
    for (const Case& c : {
             Case{"huge-50000x50000.png", render::ImageFault::too_large, "50000×50000 pixels",
                  "4000 万画素"},
             Case{"huge-60000x60000.jpg", render::ImageFault::too_large, "60000×60000 pixels",
                  "縮小"},
             Case{"truncated.jpg", render::ImageFault::truncated, "cut off", "途中で切れて"},
             Case{"not-an-image.png", render::ImageFault::not_an_image, "not a PNG or JPEG",
                  "PNG / JPEG の画像ではありません"},
             Case{"empty.png", render::ImageFault::empty, "empty (0 bytes)", "空(0 バイト)"},
             Case{"no-such-file.png", render::ImageFault::unreadable, "cannot be opened",
                  "開けません"},
         }) {
        CAPTURE(c.name);
        const auto loaded = render::load_image(hostile(c.name));
        REQUIRE_FALSE(loaded.has_value());
        CHECK(render::image_fault(loaded.error()) == c.fault);
        CHECK(render::image_fault(render::check_image_file(hostile(c.name)).error()) == c.fault);
        const model::Message message = render::load_image(hostile(c.name), c.name).error().message;
        CHECK(message.en.find(c.english) != std::string::npos);
        CHECK(message.ja.find(c.japanese) != std::string::npos);
        CHECK(message.en.find(c.name) != std::string::npos);
    }
}

TEST_CASE("image file: a sound photo decodes to its header's size") {
    test::SdlFixture sdl;
    const auto photo = render::load_image(test::source_path("playlists/images/gujo.png"));
    REQUIRE(photo.has_value());
    const auto header = render::check_image_file(test::source_path("playlists/images/gujo.png"));
    REQUIRE(header.has_value());
    CHECK((*photo)->w == header->width);
    CHECK((*photo)->h == header->height);
    const auto jpeg =
        render::load_image(test::source_path("tests/fuzz/corpus/image_header/photo.jpg"));
    REQUIRE(jpeg.has_value());
    CHECK((*jpeg)->w == 160);
}

TEST_CASE("image cache: a hostile photo comes back as nothing, prefetched or not") {
    test::SdlFixture sdl;
    render::ImageCache cache;
    cache.prefetch(hostile("huge-50000x50000.png"));
    CHECK(cache.get(hostile("huge-50000x50000.png")) == nullptr);
    CHECK(cache.get(hostile("truncated.jpg")) == nullptr);
    CHECK(cache.get(test::source_path("playlists/images/gujo.png")) != nullptr);
}
