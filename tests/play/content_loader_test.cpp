#include "play/content_loader.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "storage/playlist_file.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;

namespace {

fs::path fresh_directory(const std::string& name) {
    const fs::path directory = keiji::test::binary_path("test-content/" + name);
    fs::remove_all(directory);
    fs::create_directories(directory);
    return directory;
}

void write(const fs::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

}  // namespace

TEST_CASE("content: a broken playlist is reported and skipped, the others still play") {
    const fs::path directory = fresh_directory("mixed");
    write(directory / "a.json", R"({"items": [{"type": "notice", "id": "one", "title": "x"}]})");
    write(directory / "b.json", "{\"items\": [\n  {\"type\": \"notice\" \"id\": \"two\"}]}");
    write(directory / "c.json",
          R"({"items": [{"type": "promo", "id": "three", "prefecture": "岐阜県",
              "municipality": "郡上市", "title": "t", "image": "images/gujo.png"}]})");
    write(directory / "notes.txt", "not a playlist");
    fs::create_directories(directory / "images");
    fs::copy_file(keiji::test::source_path("playlists/images/gujo.png"),
                  directory / "images/gujo.png");

    const auto content = keiji::play::load_content(directory.string());
    REQUIRE(content.items.size() == 2);
    CHECK(content.items[0].id == "one");
    CHECK(content.items[1].id == "three");
    // Images resolve against their playlist's folder.
    CHECK(std::get<keiji::model::PromoContent>(content.items[1].content).image ==
          (directory / "images/gujo.png").string());
    REQUIRE(content.problems.size() == 1);
    CHECK(content.problems[0].where.file == (directory / "b.json").string());
    CHECK(content.problems[0].where.line == 2);
    CHECK(content.problems[0].where.column == 21);
    CHECK(content.playlist_files.size() == 2);
}

TEST_CASE("content: an id used in two playlists plays once, with a problem reported") {
    const fs::path directory = fresh_directory("duplicates");
    write(directory / "a.json", R"({"items": [{"type": "notice", "id": "same", "title": "x"}]})");
    write(directory / "b.json", R"({"items": [{"type": "notice", "id": "same", "title": "y"}]})");
    const auto content = keiji::play::load_content(directory.string());
    CHECK(content.items.size() == 1);
    REQUIRE(content.problems.size() == 1);
    CHECK(content.problems[0].message.en.find("already used") != std::string::npos);
}

TEST_CASE("content: an item whose photo cannot be shown is skipped with one problem") {
    // tests/data/hostile: a PNG whose header claims 50000×50000, a JPEG cut in half, text named
    // .png, an empty file, plus a photo that is not there at all.
    const fs::path directory = fresh_directory("hostile");
    const std::string hostile = keiji::test::source_path("tests/data/hostile/");
    struct Case {
        const char* id;
        std::string image;
        const char* words;
    };
    const std::vector<Case> cases{
        {"huge", hostile + "huge-50000x50000.png", "50000×50000 pixels"},
        {"huge-jpeg", hostile + "huge-60000x60000.jpg", "60000×60000 pixels"},
        {"cut", hostile + "truncated.jpg", "cut off"},
        {"text", hostile + "not-an-image.png", "not a PNG or JPEG"},
        {"empty", hostile + "empty.png", "empty (0 bytes)"},
        {"missing", (directory / "nowhere.png").string(), "cannot be opened"},
        {"fine", keiji::test::source_path("playlists/images/gujo.png"), ""},
    };
    std::string items;
    for (const Case& c : cases) {
        items +=
            std::string(items.empty() ? "" : ",\n") + R"({"type": "promo", "id": ")" + c.id +
            R"(", "prefecture": "岐阜県", "municipality": "郡上市", "title": "t", "image": ")" +
            c.image + "\"}";
    }
    write(directory / "p.json", "{\"items\": [\n" + items + "\n]}");

    const auto content = keiji::play::load_content((directory / "p.json").string());
    REQUIRE(content.items.size() == 1);
    CHECK(content.items[0].id == "fine");
    REQUIRE(content.problems.size() == cases.size() - 1);
    for (std::size_t i = 0; i + 1 < cases.size(); ++i) {
        const keiji::model::Error& problem = content.problems[i];
        CAPTURE(problem.message.en);
        CHECK(
            problem.message.en.starts_with("item \"" + std::string(cases[i].id) + "\" is skipped"));
        CHECK(problem.message.en.find(cases[i].words) != std::string::npos);
        CHECK(problem.message.ja.find("表示しません") != std::string::npos);
        CHECK(problem.where.line == int(i) + 2);  // The item's own line in p.json.
    }
}

TEST_CASE("content: missing files and empty folders are problems, not crashes") {
    CHECK(keiji::play::load_content("/nonexistent/keiji").problems.size() == 1);
    CHECK(keiji::play::load_content(fresh_directory("empty").string()).problems.size() == 1);
    const auto missing = keiji::storage::load_playlist_file("/nonexistent/p.json");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error()[0].message.en == "the file /nonexistent/p.json does not exist");
}

TEST_CASE("content: the bundled playlists load completely") {
    const auto content = keiji::play::load_content(keiji::test::source_path("playlists"));
    CHECK(content.problems.empty());
    CHECK(content.items.size() >= 13);
    for (const auto& item : content.items) {
        if (const auto* promo = std::get_if<keiji::model::PromoContent>(&item.content)) {
            CAPTURE(item.id);
            CHECK(fs::exists(promo->image));
        }
    }
}

TEST_CASE("content: the first slide's photo is known before the player starts") {
    const fs::path directory = fresh_directory("first-photo");
    write(directory / "lobby.json", R"({"items": [
      {"type": "notice", "id": "later", "title": "年末年始の窓口",
       "schedule": {"from": "2026-12-20"}},
      {"type": "promo", "id": "gujo", "prefecture": "岐阜県", "municipality": "郡上市",
       "title": "郡上おどりin青山", "image": "gujo.png"}
    ]})");
    const std::string photo = keiji::test::source_path("playlists/images/gujo.png");
    fs::copy_file(photo, directory / "gujo.png");
    const keiji::play::LoadedContent content = keiji::play::load_content(directory.string());
    REQUIRE(content.items.size() == 2);
    const auto* tokyo = date::locate_zone("Asia/Tokyo");
    const auto november = date::sys_days{date::November / 30 / 2026} + std::chrono::hours{1};
    // The notice is not on yet: the promo comes first, with its photo.
    CHECK(keiji::play::first_photo(content, *tokyo, november) == (directory / "gujo.png").string());
    // From 20 December the notice may come first; it has no photo.
    const auto december = date::sys_days{date::December / 21 / 2026};
    const std::string then = keiji::play::first_photo(content, *tokyo, december);
    CHECK((then.empty() || then == (directory / "gujo.png").string()));
}
