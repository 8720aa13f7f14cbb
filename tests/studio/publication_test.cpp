// What a publish carries, and the change in words.
#include "studio/publication.hpp"

#include <doctest/doctest.h>

using namespace keiji::studio;

namespace {

ItemRecord item(std::string id, ItemState state, nlohmann::json draft,
                std::optional<nlohmann::json> live = std::nullopt, bool enabled = true) {
    draft["id"] = id;
    if (live) {
        (*live)["id"] = id;
    }
    return ItemRecord{.id = std::move(id),
                      .playlist = "notices",
                      .draft = std::move(draft),
                      .live = std::move(live),
                      .state = state,
                      .enabled = enabled};
}

const std::vector<PlaylistRecord> playlists = {
    {.id = "notices", .title = {{"ja", "お知らせ"}}, .extra = nlohmann::json::object()}};

}  // namespace

TEST_CASE("publish: approved drafts go out, published items stay as published, the rest waits") {
    const nlohmann::json content =
        content_to_publish(playlists, {item("approved", ItemState::approved, {{"title", "新"}}),
                                       item("editing", ItemState::draft, {{"title", "編集中"}},
                                            nlohmann::json{{"title", "公開中"}}),
                                       item("new-draft", ItemState::draft, {{"title", "下書き"}}),
                                       item("off", ItemState::published, {{"title", "停止"}},
                                            nlohmann::json{{"title", "停止"}}, false)});
    const auto& items = content["playlists"][0]["items"];
    REQUIRE(items.size() == 2);
    CHECK(items[0]["title"] == "新");
    CHECK(items[1]["title"] == "公開中");  // The edit waits; the published version plays.
    CHECK(content_to_publish(playlists, {})["playlists"].empty());
}

TEST_CASE("publish: the change in words names what was added, changed and taken off") {
    const nlohmann::json before = {
        {"playlists",
         {{{"id", "notices"},
           {"items",
            {{{"id", "a"}, {"title", {{"ja", "窓口《まどぐち》の時間"}}}, {"duration", 10}},
             {{"id", "b"}, {"title", "休館日"}}}}}}}};
    nlohmann::json after = before;
    after["playlists"][0]["items"][0]["duration"] = 20;
    after["playlists"][0]["items"][0]["body"] = "本文";
    after["playlists"][0]["items"].erase(1);
    after["playlists"][0]["items"].push_back({{"id", "c"}, {"title", "新しいお知らせ"}});
    const ChangesInWords changes = describe_changes(before, after);
    REQUIRE(changes.en.size() == 3);
    CHECK(changes.ja[0] == "「窓口の時間」(a) の本文・表示時間を変更");
    CHECK(changes.en[1] == "adds 「新しいお知らせ」(c) to notices");
    CHECK(changes.ja[2] == "「休館日」(b) を画面から外す");
    CHECK(describe_changes(before, before).empty());
}

TEST_CASE("publish: each screen group gets its playlists and those for every screen, in order") {
    const std::vector<PlaylistRecord> three = {
        {.id = "notices", .title = "お知らせ", .extra = nlohmann::json::object(), .screens = {"*"}},
        {.id = "partners",
         .title = "連携",
         .extra = nlohmann::json::object(),
         .screens = {"lobby-1f"}},
        {.id = "events",
         .title = "催し",
         .extra = nlohmann::json::object(),
         .screens = {"lobby-1f", "shibaura"}}};
    std::vector<ItemRecord> items;
    for (const char* playlist : {"notices", "partners", "events"}) {
        ItemRecord record =
            item(std::string(playlist) + "-1", ItemState::approved, {{"title", "x"}});
        record.playlist = playlist;
        items.push_back(record);
    }
    const std::vector<ScreenGroup> groups = {{.tag = "lobby-1f", .name = "本庁舎1階ロビー"},
                                             {.tag = "shibaura", .name = "芝浦港南"},
                                             {.tag = "empty", .name = "まだ何もない"}};
    const nlohmann::json content = content_to_publish(three, items, groups);
    const nlohmann::json expected = nlohmann::json::parse(R"([
        {"tag": "lobby-1f", "playlists": ["notices", "partners", "events"]},
        {"tag": "shibaura", "playlists": ["notices", "events"]},
        {"tag": "empty", "playlists": ["notices"]},
        {"tag": "*", "playlists": ["notices"]}])");
    CHECK(content["screens"] == expected);
    CHECK(playlists_for_group(content, "shibaura") ==
          std::vector<std::string>{"notices", "events"});
    CHECK(playlists_for_group(content, "elsewhere") == std::vector<std::string>{"notices"});

    // An item taken off empties "partners": no assignment names it any more.
    nlohmann::json taken = content;
    taken["playlists"].erase(1);
    drop_missing_playlists(taken);
    CHECK(taken["screens"][0]["playlists"] == nlohmann::json{"notices", "events"});

    const ChangesInWords changes = describe_changes(content, taken);
    CHECK(std::ranges::find(changes.en, "screens of group lobby-1f now play: notices, events") !=
          changes.en.end());
}

TEST_CASE("screen groups: a list staff typed is checked before it is saved") {
    CHECK(screen_groups_from_json(nlohmann::json::parse(
                                      R"([{"tag": "lobby-1f", "name": "ロビー",
                                           "languages": ["ja", "en"]}])"))
              .has_value());
    for (const char* wrong :
         {R"([{"tag": "Lobby", "name": "ロビー"}])", R"([{"tag": "*", "name": "全部"}])",
          R"([{"tag": "a", "name": ""}])", R"([{"tag": "a", "name": "A", "languages": []}])",
          R"([{"tag": "a", "name": "A", "languages": ["tlh"]}])", R"({"tag": "a"})"}) {
        CAPTURE(wrong);
        const auto groups = screen_groups_from_json(nlohmann::json::parse(wrong));
        REQUIRE_FALSE(groups.has_value());
        CHECK_FALSE(groups.error().message.ja.empty());
    }
}

TEST_CASE("publish: content published before screen groups existed played everything") {
    // A studio upgraded from before groups: its last version has no "screens".
    const nlohmann::json before = {
        {"playlists", {{{"id", "notices"}, {"items", {{{"id", "a"}, {"title", "休館日"}}}}}}}};
    nlohmann::json same = before;
    same["screens"] = {{{"tag", "*"}, {"playlists", {"notices"}}}};
    CHECK(describe_changes(before, same).empty());
    // Only the groups changed: that alone is a change to publish.
    nlohmann::json grouped = before;
    grouped["screens"] = {{{"tag", "lobby-1f"}, {"playlists", {"notices"}}},
                          {{"tag", "*"}, {"playlists", nlohmann::json::array()}}};
    const ChangesInWords changes = describe_changes(before, grouped);
    REQUIRE(changes.en.size() == 2);
    CHECK(changes.en[0] == "screens in no group now play: -");
    CHECK(changes.ja[1] == "グループ lobby-1f の画面の表示を notices に変更");
}
