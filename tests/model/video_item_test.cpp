// The "video" item: what a playlist says about a film, and the mistakes staff make writing it.
#include <doctest/doctest.h>

#include "model/playlist_parser.hpp"

using namespace keiji::model;
using namespace std::chrono;

namespace {

std::expected<Playlist, Errors> parse(const std::string& items_json) {
    return parse_playlist_text("{\"items\": [" + items_json + "]}", "test/films.json");
}

}  // namespace

TEST_CASE("video item: every field") {
    const auto playlist = parse(R"({
        "type": "video", "id": "azabu-juban", "duration": 45, "play": "once",
        "title": {"ja": "麻布十番商店街", "en": "Azabu-Juban shopping street"},
        "caption": {"ja": "商店街PR映像 優秀作品"}, "video": "films/azabu-juban.mp4",
        "poster": "films/azabu-juban.jpg", "band": false, "volume": 40})");
    REQUIRE(playlist.has_value());
    const Item& item = playlist->items.at(0);
    const VideoContent* video = video_of(item);
    REQUIRE(video != nullptr);
    CHECK(type_name(item.content) == "video");
    CHECK(item.duration == 45s);
    CHECK(video->video == "films/azabu-juban.mp4");
    CHECK(video->poster == "films/azabu-juban.jpg");
    CHECK(video->play == VideoPlay::once);
    CHECK_FALSE(video->band);
    CHECK(video->volume == 40);
    CHECK(title_of(item).pick("en") == "Azabu-Juban shopping street");
    CHECK(video->caption.pick("ja") == "商店街PR映像 優秀作品");
    // The poster is the item's picture wherever pictures are resolved, checked and fetched.
    REQUIRE(image_of(item) != nullptr);
    CHECK(*image_of(item) == "films/azabu-juban.jpg");
}

TEST_CASE("video item: defaults loop, muted, with a band and no poster") {
    const auto playlist =
        parse(R"({"type": "video", "id": "v", "title": "商店街", "video": "films/v.webm"})");
    REQUIRE(playlist.has_value());
    const VideoContent& video = *video_of(playlist->items.at(0));
    CHECK(video.play == VideoPlay::loop);
    CHECK(video.band);
    CHECK_FALSE(video.volume.has_value());
    CHECK(video.poster.empty());
    CHECK(video.caption.empty());
    // Other types are not films.
    const auto notice = parse(R"({"type": "notice", "id": "n", "title": "x"})");
    REQUIRE(notice.has_value());
    CHECK(video_of(notice->items.at(0)) == nullptr);
}

TEST_CASE("video item: mistakes are located and said in both languages") {
    struct Case {
        const char* item;
        const char* pointer;
        const char* english;
        const char* japanese;
    };
    for (
        const Case& c : {
            Case{R"({"type": "video", "id": "v", "title": "x"})", "/items/0",
                 "\"video\" is missing", "video"},
            Case{R"({"type": "video", "id": "v", "title": "x", "video": ""})", "/items/0/video",
                 "name the film's file", "動画ファイル"},
            Case{
                R"({"type": "video", "id": "v", "title": "x", "video": "a.mp4", "play": "repeat"})",
                "/items/0/play", "\"loop\"", "くり返す"},
            Case{R"({"type": "video", "id": "v", "title": "x", "video": "a.mp4", "band": "no"})",
                 "/items/0/band", "true or false", "true か false"},
            Case{R"({"type": "video", "id": "v", "title": "x", "video": "a.mp4", "volume": 150})",
                 "/items/0/volume", "between 0 and 100", "0"},
            Case{R"({"type": "video", "id": "v", "title": "x", "vidoe": "a.mp4"})",
                 "/items/0/vidoe", "video", "video"},
            Case{R"({"type": "vidéo", "id": "v", "title": "x"})", "/items/0/type",
                 "\"notice\" or \"video\"", "動画"},
        }) {
        CAPTURE(c.item);
        const auto playlist = parse(c.item);
        REQUIRE_FALSE(playlist.has_value());
        const Error& first = playlist.error().at(0);
        CHECK(first.where.pointer == c.pointer);
        CHECK(first.message.en.find(c.english) != std::string::npos);
        CHECK(first.message.ja.find(c.japanese) != std::string::npos);
    }
}
