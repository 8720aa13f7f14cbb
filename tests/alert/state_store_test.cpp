// Persistence of the alert state: atomic replacement in the state directory.
#include "alert/state_store.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include "test_paths.hpp"

using namespace keiji;

TEST_CASE("state store: save, load, replace, and nothing left behind") {
    const std::filesystem::path directory = test::binary_path("alert-state-store-test");
    std::filesystem::remove_all(directory);
    alert::FileStateStore store(directory / "state" / "alerts.json");
    const auto empty = store.load();
    REQUIRE(empty.has_value());
    CHECK_FALSE(empty->has_value());

    REQUIRE(store.save("first").has_value());
    REQUIRE(store.save("second").has_value());
    const auto loaded = store.load();
    REQUIRE(loaded.has_value());
    CHECK(loaded->value() == "second");
    // Only the state file: no temporary files left over.
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(directory / "state")) {
        CHECK(entry.path().filename() == "alerts.json");
        ++files;
    }
    CHECK(files == 1);
}

TEST_CASE("state store: an unwritable directory is an error value") {
    alert::FileStateStore store("/proc/keiji-cannot-write/alerts.json");
    const auto saved = store.save("x");
    REQUIRE_FALSE(saved.has_value());
    CHECK(saved.error().text().find("/proc") != std::string::npos);
}
