// The one way a playlist file is read: its folder is where its images are, and every way it can
// fail says where.
#include "storage/playlist_file.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include "storage/file_io.hpp"
#include "test_paths.hpp"

using namespace keiji;
namespace fs = std::filesystem;

TEST_CASE("storage: a bundled playlist reads, with its folder as the base of its images") {
    const auto file = storage::load_playlist_file(test::source_path("playlists/partners.json"));
    REQUIRE(file.has_value());
    CHECK(file->playlist.base_directory == test::source_path("playlists"));
    CHECK_FALSE(file->playlist.items.empty());
    CHECK(file->document.file_name() == test::source_path("playlists/partners.json"));
}

TEST_CASE("storage: a playlist that cannot be read, or is not JSON, says where") {
    const fs::path folder = fs::temp_directory_path() / "keiji-playlist-file-test";
    fs::remove_all(folder);
    fs::create_directories(folder);
    const auto missing = storage::load_playlist_file(folder / "none.json");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().front().where.file == (folder / "none.json").string());

    REQUIRE(storage::write_file_atomically(folder / "broken.json", "{\"items\": [}").has_value());
    const auto broken = storage::load_playlist_file(folder / "broken.json");
    REQUIRE_FALSE(broken.has_value());
    CHECK(broken.error().front().where.line == 1);

    // A file named without a folder has the current one.
    const auto here = storage::parse_playlist_file(
        R"({"items": [{"type": "notice", "id": "n", "title": "t"}]})", "p.json", ".");
    REQUIRE(here.has_value());
    CHECK(here->playlist.base_directory == ".");
}

TEST_CASE("storage: a folder's playlists, in name order, without feed.json") {
    const auto files = storage::playlist_files_in(test::source_path("playlists"));
    REQUIRE(files.size() >= 3);
    CHECK(std::is_sorted(files.begin(), files.end()));
    for (const fs::path& file : files) {
        CHECK(file.extension() == ".json");
        CHECK(file.filename() != "feed.json");
    }
}
