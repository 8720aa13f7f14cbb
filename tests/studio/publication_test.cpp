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
