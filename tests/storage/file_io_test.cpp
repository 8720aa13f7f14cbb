// Files as every room reads and writes them: errors that say what and keep errno, atomic
// replacement, private files for secrets, appends of whole lines.
#include "storage/file_io.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cerrno>
#include <filesystem>

using namespace keiji;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const char* name) {
    const fs::path folder = fs::temp_directory_path() / "keiji-storage-test" / name;
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

}  // namespace

TEST_CASE("storage: a missing file is an error that says so and keeps ENOENT") {
    const fs::path folder = scratch("missing");
    const auto read = storage::read_file(folder / "nope.json");
    REQUIRE_FALSE(read.has_value());
    CHECK(read.error().cause.is(model::Cause::Kind::system, ENOENT));
    CHECK(read.error().message.en.find("does not exist") != std::string::npos);
    CHECK(read.error().message.ja.find("見つかりません") != std::string::npos);
    const auto maybe = storage::read_file_if_exists(folder / "nope.json");
    REQUIRE(maybe.has_value());
    CHECK_FALSE(maybe->has_value());
}

TEST_CASE("storage: a folder is not a file") {
    const auto read = storage::read_file(scratch("folder"));
    REQUIRE_FALSE(read.has_value());
    CHECK(read.error().cause.is(model::Cause::Kind::system, EISDIR));
    CHECK(read.error().message.ja.find("フォルダ") != std::string::npos);
}

TEST_CASE("storage: an atomic write replaces the whole file and leaves no temporary behind") {
    const fs::path folder = scratch("atomic");
    const fs::path file = folder / "deep" / "status.json";
    REQUIRE(storage::write_file_atomically(file, "first").has_value());
    REQUIRE(storage::write_file_atomically(file, "second, longer").has_value());
    CHECK(storage::read_file(file).value() == "second, longer");
    CHECK(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator{}) == 1);
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0644);
}

TEST_CASE("storage: a secret is written readable by its owner only") {
    const fs::path file = scratch("secret") / "key.secret.json";
    REQUIRE(storage::write_file_atomically(file, "{}", {.access = storage::Access::owner_only})
                .has_value());
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
}

TEST_CASE("storage: a write into a folder that cannot be made fails with its reason") {
    const fs::path folder = scratch("blocked");
    REQUIRE(storage::write_file_atomically(folder / "file", "x").has_value());
    const auto written = storage::write_file_atomically(folder / "file" / "below", "y");
    REQUIRE_FALSE(written.has_value());
    CHECK(written.error().cause.kind == model::Cause::Kind::system);
    CHECK_FALSE(written.error().text().empty());
}

TEST_CASE("storage: appends add whole lines") {
    const fs::path file = scratch("append") / "day.jsonl";
    REQUIRE(storage::append_durably(file, "one\n").has_value());
    REQUIRE(storage::append_durably(file, "two\nthree\n").has_value());
    CHECK(storage::read_file(file).value() == "one\ntwo\nthree\n");
}
