// The film of a video item, checked inside its playlist as the screen opens it: where the
// problem is, in words, with the command that fixes it.
#include "checks/film_check.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include "../media/test_videos.hpp"

using namespace keiji;

namespace {

storage::PlaylistFile playlist_in(const std::string& folder, const std::string& items) {
    auto file = storage::parse_playlist_file("{\"items\": [" + items + "]}", "films.json", folder);
    REQUIRE(file.has_value());
    return std::move(*file);
}

bool has(const model::Errors& problems, const std::string& pointer, const std::string& words,
         model::Severity severity) {
    return std::ranges::any_of(problems, [&](const model::Error& problem) {
        return problem.where.pointer == pointer && problem.severity == severity &&
               problem.text("en").find(words) != std::string::npos;
    });
}

}  // namespace

TEST_CASE("film check: a missing film is an error at the item's video, the item is skipped") {
    const auto file = playlist_in("/nonexistent", R"(
      {"type": "video", "id": "v", "title": "商店街", "video": "films/missing.mp4"})");
    const model::Errors problems = checks::check_films(file, render::Frame{1920, 1080});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where.pointer == "/items/0/video");
    CHECK(problems[0].where.line == 2);
    CHECK(problems[0].severity == model::Severity::error);
    CHECK(problems[0].text("en").find("does not exist") != std::string::npos);
    CHECK(problems[0].text("ja").find("見つかりません") != std::string::npos);
}

TEST_CASE("film check: a file that is not a film, and warnings that carry the ffmpeg command") {
    const std::string film = test::small_h264(2);  // 2 s, 320×180, with sound.
    const std::filesystem::path folder = std::filesystem::path(film).parent_path();
    const std::string name = std::filesystem::path(film).filename().string();
    const std::string silent = std::filesystem::path(test::silent_h264(2)).filename().string();
    const auto file = playlist_in(folder.string(), R"(
      {"type": "video", "id": "once", "title": "x", "play": "once", "duration": 20,
       "video": ")" + name + R"(", "volume": 40},
      {"type": "video", "id": "fine", "title": "y", "play": "to_end", "video": ")" +
                                                       name + R"("},
      {"type": "video", "id": "text", "title": "z", "video": "../../../CMakeCache.txt"},
      {"type": "video", "id": "silent", "title": "s", "play": "to_end", "volume": 60,
       "video": ")" + silent + R"("})");
    const model::Errors problems = checks::check_films(file, render::Frame{1920, 1080});
    // Played once in a 20 s slot, a 2 s film leaves 18 s of its last picture.
    CHECK(has(problems, "/items/0/video", "", model::Severity::warning));
    // A film with sound plays it at its volume; a volume for a silent film is a mistake.
    CHECK_FALSE(has(problems, "/items/0/volume", "", model::Severity::warning));
    CHECK(has(problems, "/items/3/volume", "no sound track", model::Severity::warning));
    // to_end: the slot is the film's length, nothing to say.
    CHECK_FALSE(std::ranges::any_of(problems, [](const model::Error& problem) {
        return problem.where.pointer.starts_with("/items/1");
    }));
    CHECK(has(problems, "/items/2/video", "cannot be played", model::Severity::error));
}
