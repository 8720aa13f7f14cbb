// A film's picture into a slide layer, by both ways in: libswscale straight into pixels that
// are ours (the software renderer's opaque layers), and an SDL YUV texture drawn into a target
// layer (how a GPU takes it). Both must show the same picture at the same place.
#include "media/video_painter.hpp"

#include <SDL.h>
#include <doctest/doctest.h>

#include "sdl_fixture.hpp"
#include "test_videos.hpp"

using namespace keiji;

namespace {

// The picture at the centre of `where` after composing `layer` alone, as ARGB.
Uint32 centre_after_present(render::Screen& screen, SDL_Texture* layer, render::Rect where) {
    const render::Frame frame = screen.frame();
    screen.present({render::Layer{layer, {0, 0, frame.width, frame.height}}});
    auto shot = screen.capture();
    REQUIRE(shot.has_value());
    const SDL_Surface& surface = **shot;
    const auto* row = static_cast<const std::uint8_t*>(surface.pixels) +
                      std::ptrdiff_t(where.y + where.h / 2) * surface.pitch;
    return reinterpret_cast<const Uint32*>(row)[where.x + where.w / 2];
}

int channel(Uint32 pixel, int shift) {
    return int((pixel >> shift) & 0xFF);
}

}  // namespace

TEST_CASE("video painter: layer pixels and a YUV texture give the same picture in place") {
    test::SdlFixture sdl;
    // Flat orange, so the colour conversion (BT.601 for SD) is what is compared.
    const std::string film = test::test_video(
        "orange-1s.mp4",
        "-f lavfi -i color=c=0xE08020:size=320x180:rate=30:duration=1 -c:v libx264 "
        "-preset ultrafast -crf 1 -pix_fmt yuv420p");
    auto decoder = media::VideoDecoder::open(film);
    REQUIRE(decoder.has_value());
    auto picture = (*decoder)->next_frame(std::chrono::seconds{5});
    REQUIRE(picture.has_value());

    auto screen = render::Screen::open_headless(640, 360);
    REQUIRE(screen.has_value());
    const render::Rect where = render::fit_inside(render::Rect{40, 30, 560, 300}, 320, 180);
    CHECK(where.w == 532);  // 16:9 in 560×300, even sizes, centred.
    CHECK(where.h == 300);
    CHECK(where.x == 54);

    media::VideoPainter painter(*screen);
    const auto paint_on = [&](render::TextureHandle layer) {
        screen->target(layer.get());
        SDL_SetRenderDrawColor(screen->renderer(), 0, 0, 0, 255);
        SDL_RenderClear(screen->renderer());
        screen->target(nullptr);
        REQUIRE(painter.paint(*picture, layer.get(), where).has_value());
        return centre_after_present(*screen, layer.get(), where);
    };
    const Uint32 by_pixels = paint_on(screen->make_opaque_layer(640, 360));
    CHECK(painter.last_path() == media::VideoPainter::Path::layer_pixels);
    const Uint32 by_texture = paint_on(screen->make_layer(640, 360));
    CHECK(painter.last_path() == media::VideoPainter::Path::yuv_texture);
    for (const int shift : {16, 8, 0}) {
        CAPTURE(shift);
        CHECK(std::abs(channel(by_pixels, shift) - channel(by_texture, shift)) <= 4);
    }
    // And it is the orange that was filmed (H.264's 4:2:0 and rounding: a few steps off).
    CHECK(std::abs(channel(by_pixels, 16) - 0xE0) <= 8);
    CHECK(std::abs(channel(by_pixels, 8) - 0x80) <= 8);
    CHECK(std::abs(channel(by_pixels, 0) - 0x20) <= 8);
}

TEST_CASE("video painter: a place outside the layer is refused, nothing written") {
    test::SdlFixture sdl;
    auto decoder = media::VideoDecoder::open(test::small_h264());
    REQUIRE(decoder.has_value());
    auto picture = (*decoder)->next_frame(std::chrono::seconds{5});
    REQUIRE(picture.has_value());
    auto screen = render::Screen::open_headless(320, 180);
    REQUIRE(screen.has_value());
    media::VideoPainter painter(*screen);
    auto layer = screen->make_opaque_layer(320, 180);
    CHECK_FALSE(painter.paint(*picture, layer.get(), render::Rect{100, 100, 320, 180}));
    CHECK_FALSE(painter.paint(*picture, layer.get(), render::Rect{0, 0, 0, 0}));
}
