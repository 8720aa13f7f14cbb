// Screen groups: who may set them, how a playlist is assigned, what the published feed then tells
// each screen, the group's timeline, and the key a new screen must trust.
#include <doctest/doctest.h>

#include "model/feed.hpp"
#include "storage/file_io.hpp"
#include "studio_fixture.hpp"

using keiji::test::Browser;
using keiji::test::colleague;
using keiji::test::StudioFixture;
using namespace keiji;

namespace {

const nlohmann::json lobby_groups = {
    {{"tag", "lobby-1f"},
     {"name", "本庁舎1階ロビー"},
     {"languages", {"ja", "en", "zh-Hans", "ko"}}},
    {{"tag", "shibaura"}, {"name", "芝浦港南地区総合支所"}, {"languages", {"ja", "ja-x-easy"}}}};

}  // namespace

TEST_CASE("screens: an admin sets the groups, mistakes are named, others may not") {
    StudioFixture fixture("screen-groups");
    Browser admin(fixture.port);
    REQUIRE(admin.login("admin", fixture.admin_password) == 200);
    Browser editor = colleague(fixture, admin, "sato", "editor");

    // A tag with capitals and a space, as someone might type it first.
    nlohmann::json wrong = lobby_groups;
    wrong[1]["tag"] = "Shibaura 1F";
    const auto [refused, why] = admin.send("PUT", "/api/screens", {{"groups", wrong}});
    CHECK(refused == 400);
    CHECK(why["error"]["ja"].get<std::string>().find("画面グループ 2 行目") != std::string::npos);
    wrong = lobby_groups;
    wrong[0]["languages"] = {"ja", "xx-unknown"};
    CHECK(admin.send("PUT", "/api/screens", {{"groups", wrong}}).first == 400);
    wrong = lobby_groups;
    wrong[1]["tag"] = "lobby-1f";
    CHECK(admin.send("PUT", "/api/screens", {{"groups", wrong}}).second["error"]["en"] ==
          "screen group 2: the tag \"lobby-1f\" is used twice");
    CHECK(admin.get("/api/screens").second["groups"].empty());  // Nothing half-saved.

    CHECK(editor.send("PUT", "/api/screens", {{"groups", lobby_groups}}).first == 403);
    const auto [saved, groups] = admin.send("PUT", "/api/screens", {{"groups", lobby_groups}});
    REQUIRE(saved == 200);
    CHECK(groups["groups"] == lobby_groups);
    CHECK(editor.get("/api/screens").second["groups"] == lobby_groups);  // Everyone may read.
    CHECK(editor.get("/api/keys").first == 403);
}

TEST_CASE("screens: a playlist for one group reaches only that group's screens") {
    StudioFixture fixture("screen-feed");
    Browser admin(fixture.port);
    REQUIRE(admin.login("admin", fixture.admin_password) == 200);
    Browser editor = colleague(fixture, admin, "sato", "editor");
    Browser approver = colleague(fixture, admin, "tanaka", "approver");
    REQUIRE(admin.send("PUT", "/api/screens", {{"groups", lobby_groups}}).first == 200);

    // The partner towns' promos only in the 1st-floor lobby.
    CHECK(
        editor.send("PUT", "/api/playlists/partners/screens", {{"screens", {"lobby-1f"}}}).first ==
        403);
    CHECK(approver.send("PUT", "/api/playlists/partners/screens", {{"screens", {"lobby-2f"}}})
              .first == 400);
    CHECK(
        approver
            .send("PUT", "/api/playlists/partners/screens", {{"screens", nlohmann::json::array()}})
            .first == 400);
    CHECK(approver.send("PUT", "/api/playlists/nothing/screens", {{"screens", {"*"}}}).first ==
          404);
    REQUIRE(approver.send("PUT", "/api/playlists/partners/screens", {{"screens", {"lobby-1f"}}})
                .first == 200);
    const auto listed = approver.get("/api/playlists").second["playlists"];
    for (const auto& playlist : listed) {
        CHECK(playlist["screens"] ==
              (playlist["id"] == "partners" ? nlohmann::json{"lobby-1f"} : nlohmann::json{"*"}));
    }

    REQUIRE(approver.send("POST", "/api/publish", nlohmann::json::object()).first == 200);
    const auto feed = model::parse_feed_text(
        storage::read_file(fixture.data / "publish" / "feed.json").value(), "feed.json");
    REQUIRE(feed.has_value());
    const auto lobby = model::playlists_for_screen(*feed, "lobby-1f-east", {"lobby-1f"});
    const auto shibaura = model::playlists_for_screen(*feed, "shibaura-1", {"shibaura"});
    const auto stray = model::playlists_for_screen(*feed, "new-screen", {});
    CHECK(std::ranges::find(lobby, "partners") != lobby.end());
    CHECK(std::ranges::find(lobby, "notices") != lobby.end());
    CHECK(std::ranges::find(shibaura, "partners") == shibaura.end());
    CHECK(std::ranges::find(shibaura, "notices") != shibaura.end());
    CHECK(stray == shibaura);  // A screen in no group plays what every screen plays.

    // The group's timeline: only its playlists, and its languages' shares.
    const auto [planned, timeline] = approver.get("/api/schedule?from=2025-11-22&group=shibaura");
    REQUIRE(planned == 200);
    std::vector<std::string> planned_items;
    for (const auto& entry : timeline["airtime"]) {
        planned_items.push_back(entry["item"]);
    }
    CHECK(std::ranges::find(planned_items, "gujo-odori-aoyama") == planned_items.end());
    CHECK(std::ranges::find(planned_items, "corner-pamphlets") != planned_items.end());
    REQUIRE(timeline["languages"].size() == 2);
    CHECK(timeline["languages"][0]["language"] == "ja");
    CHECK(approver.get("/api/schedule?from=2025-11-22&group=lobby-9f").first == 404);

    // Taking the group away puts the playlist back on every screen.
    REQUIRE(admin.send("PUT", "/api/screens", {{"groups", {lobby_groups[1]}}}).first == 200);
    const nlohmann::json after_removal = approver.get("/api/playlists").second;
    for (const auto& playlist : after_removal["playlists"]) {
        CHECK(playlist["screens"] == nlohmann::json{"*"});
    }
    const auto [changes_ok, changes] = approver.get("/api/publish");
    REQUIRE(changes_ok == 200);
    CHECK(changes.dump().find("グループ") != std::string::npos);
}

TEST_CASE("screens: the admin sees the content key as a screen's keiji.json wants it") {
    StudioFixture fixture("screen-keys");
    Browser admin(fixture.port);
    REQUIRE(admin.login("admin", fixture.admin_password) == 200);
    const auto [shown, keys] = admin.get("/api/keys");
    REQUIRE(shown == 200);
    const auto written = nlohmann::json::parse(
        storage::read_file(fixture.data / "keys" / "keiji-studio-content.public.json").value());
    CHECK(keys["content"]["key"] == written["keys"][0]);
    CHECK(keys["content"]["fingerprint"].get<std::string>().size() == 19);  // "abcd ef01 …"
    auto file = admin.client.Get("/api/keys/content.public.json", admin.headers());
    REQUIRE(file);
    CHECK(file->status == 200);
    CHECK(nlohmann::json::parse(file->body) == written);
    CHECK(file->get_header_value("Content-Disposition").find("attachment") != std::string::npos);
}
