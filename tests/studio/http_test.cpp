// The studio on HTTP, attacked as its tests must: no session, a forged or missing CSRF token,
// password guessing, hostile uploads, script in a title; and the workflow from draft to the
// published feed.
#include <doctest/doctest.h>

#include <fstream>

#include "storage/file_io.hpp"
#include "studio_fixture.hpp"

using namespace keiji;
using test::Browser;
using test::StudioFixture;

namespace {

std::string bundled_png() {
    return storage::read_file(test::source_path("playlists/images/gujo.png")).value();
}

// A PNG header claiming 50000×50000 pixels and nothing after it.
std::string huge_png_header() {
    std::string bytes("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (const std::uint32_t side : {50000u, 50000u}) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes += char((side >> shift) & 0xff);
        }
    }
    bytes += std::string("\x08\x06\0\0\0", 5) + std::string(4, '\0');
    return bytes;
}

int upload(Browser& browser, const std::string& name, const std::string& bytes,
           nlohmann::json* answer = nullptr) {
    httplib::MultipartFormDataItems items = {{"file", bytes, name, "image/png"}};
    auto result = browser.client.Post("/api/uploads", browser.headers(), items);
    REQUIRE(result);
    if (answer != nullptr) {
        *answer = nlohmann::json::parse(result->body, nullptr, false);
    }
    return result->status;
}

}  // namespace

TEST_CASE("studio: every route but the login page needs a session") {
    StudioFixture fixture("no-session");
    Browser anonymous(fixture.port);
    for (const std::string& path :
         std::vector<std::string>{"/api/me", "/api/playlists", "/api/items/gujo-odori-aoyama",
                                  "/api/versions", "/api/users", "/api/audit", "/api/audit.csv",
                                  "/api/settings", "/api/publish", "/api/schedule?from=2025-11-22",
                                  "/api/previews/1.png", "/api/uploads/" + std::string(64, 'a'),
                                  "/api/screens", "/api/keys", "/api/keys/content.public.json"}) {
        CAPTURE(path);
        CHECK(anonymous.get(path).first == 401);
    }
    for (const char* path :
         {"/api/items", "/api/preview", "/api/publish", "/api/users", "/api/logout",
          "/api/items/gujo-odori-aoyama/submit", "/api/versions/1/rollback"}) {
        CAPTURE(path);
        CHECK(anonymous.send("POST", path, nlohmann::json::object()).first == 401);
    }
    CHECK(anonymous.send("PUT", "/api/items/gujo-odori-aoyama", nlohmann::json::object()).first ==
          401);
    for (const char* path : {"/api/screens", "/api/playlists/partners/screens"}) {
        CAPTURE(path);
        CHECK(anonymous.send("PUT", path, nlohmann::json::object()).first == 401);
    }
    auto page = anonymous.client.Get("/");
    REQUIRE(page);
    CHECK(page->status == 303);
    CHECK(page->get_header_value("Location") == "/login");
    // A forged cookie is no session either.
    anonymous.cookie = "keiji_session=" + std::string(43, 'A');
    CHECK(anonymous.get("/api/me").first == 401);
}

TEST_CASE("studio: a change without this session's CSRF token is refused and changes nothing") {
    StudioFixture fixture("csrf");
    Browser admin(fixture.port);
    REQUIRE(admin.login("admin", fixture.admin_password) == 200);
    const auto [status, before] = admin.get("/api/items/gujo-odori-aoyama");
    REQUIRE(status == 200);
    nlohmann::json item = before["item"];
    item["duration"] = 30;
    const nlohmann::json body = {{"item", item}, {"revision", before["summary"]["revision"]}};
    CHECK(admin.send("PUT", "/api/items/gujo-odori-aoyama", body, /*with_csrf=*/false).first ==
          403);
    const std::string real = admin.csrf;
    admin.csrf = "forged-token-forged-token-forged-token-forge";
    CHECK(admin.send("PUT", "/api/items/gujo-odori-aoyama", body).first == 403);
    CHECK(admin.get("/api/items/gujo-odori-aoyama").second["item"]["duration"] ==
          before["item"]["duration"]);
    admin.csrf = real;
    CHECK(admin.send("PUT", "/api/items/gujo-odori-aoyama", body).first == 200);
}

TEST_CASE("studio: twenty wrong passwords lock the account after five, even for the right one") {
    StudioFixture fixture("guessing");
    Browser guesser(fixture.port);
    std::vector<int> statuses;
    for (int i = 0; i < 20; ++i) {
        statuses.push_back(guesser.login("admin", "wrong password " + std::to_string(i)));
    }
    CHECK(std::count(statuses.begin(), statuses.begin() + 5, 401) == 5);
    CHECK(std::count(statuses.begin() + 5, statuses.end(), 429) == 15);
    CHECK(guesser.login("admin", fixture.admin_password) == 429);
    // The audit log has every refusal, with the address.
    const std::string csv = fixture.studio->audit().csv().value();
    CHECK(csv.find("login.failed,admin") != std::string::npos);
    CHECK(csv.find("login.refused,admin") != std::string::npos);
    CHECK(csv.find("127.0.0.1") != std::string::npos);
}

TEST_CASE("studio: hostile uploads are refused for what they are, whatever their names") {
    StudioFixture fixture("uploads");
    Browser admin(fixture.port);
    REQUIRE(admin.login("admin", fixture.admin_password) == 200);
    nlohmann::json answer;
    CHECK(upload(admin, "../../x.png", bundled_png(), &answer) == 201);
    CHECK(answer["path"].get<std::string>().starts_with("images/"));
    CHECK(answer["path"].get<std::string>().find("..") == std::string::npos);
    CHECK_FALSE(std::filesystem::exists(fixture.data / "../x.png"));
    CHECK(upload(admin, "huge.png", huge_png_header(), &answer) == 400);
    CHECK(answer["error"]["en"].get<std::string>().find("50000") != std::string::npos);
    CHECK(upload(admin, "photo.jpg", "this is a text file, not a photo\n", &answer) == 415);
    CHECK(answer["error"]["ja"].get<std::string>().find("JPEG") != std::string::npos);
    // Under the limit of a film, so read; neither a picture nor a film.
    CHECK(upload(admin, "big.png", std::string(200 << 20, 'x'), &answer) == 415);
    CHECK(answer["error"]["en"].get<std::string>().find("MP4") != std::string::npos);
    CHECK(answer["error"]["ja"].get<std::string>().find("もう一度アップロード") !=
          std::string::npos);
    // And the studio still serves.
    CHECK(admin.get("/api/me").first == 200);
}

TEST_CASE("studio: a script in a title is data, sent as JSON that no browser runs") {
    StudioFixture fixture("script");
    Browser admin(fixture.port);
    REQUIRE(admin.login("admin", fixture.admin_password) == 200);
    auto [status, opened] = admin.get("/api/items/gujo-odori-aoyama");
    nlohmann::json item = opened["item"];
    item["title"]["ja"] = "<script>alert('x')</script>";
    REQUIRE(admin
                .send("PUT", "/api/items/gujo-odori-aoyama",
                      {{"item", item}, {"revision", opened["summary"]["revision"]}})
                .first == 200);
    auto result = admin.client.Get("/api/items/gujo-odori-aoyama", admin.headers());
    REQUIRE(result);
    CHECK(result->get_header_value("Content-Type").starts_with("application/json"));
    CHECK(result->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(result->get_header_value("Content-Security-Policy").find("script-src 'self'") !=
          std::string::npos);
    CHECK(nlohmann::json::parse(result->body)["item"]["title"]["ja"] ==
          "<script>alert('x')</script>");
}

TEST_CASE("studio: a value of the wrong type is a 400 that says so, never a crash or a 500") {
    StudioFixture fixture("types");
    Browser admin(fixture.port);
    REQUIRE(admin.login("admin", fixture.admin_password) == 200);
    const auto refused = [&](const std::string& method, const std::string& path,
                             const nlohmann::json& body) {
        CAPTURE(path);
        const auto [status, answer] = admin.send(method, path, body);
        CHECK(status == 400);
        CHECK(answer["error"]["en"].get<std::string>().contains("wrong type"));
        CHECK(answer["error"]["ja"].get<std::string>().contains("型"));
    };
    auto [status, opened] = admin.get("/api/items/gujo-odori-aoyama");
    REQUIRE(status == 200);
    refused("PUT", "/api/items/gujo-odori-aoyama", {{"item", opened["item"]}, {"revision", "7"}});
    refused("POST", "/api/users", {{"name", 5}, {"role", "editor"}});
    refused("POST", "/api/alerts/preview", {{"template", 5}});
    Browser stranger(fixture.port);
    auto login = stranger.client.Post("/api/login", R"({"name": ["admin"], "password": 1})",
                                      "application/json");
    REQUIRE(login);
    CHECK(login->status == 400);
    // Nothing was changed, and the studio goes on serving.
    const auto [after, item] = admin.get("/api/items/gujo-odori-aoyama");
    CHECK(after == 200);
    CHECK(item["summary"]["revision"] == opened["summary"]["revision"]);
}

TEST_CASE("studio: draft, submit, another person approves, publish, and disable takes it off") {
    StudioFixture fixture("workflow");
    Browser admin(fixture.port);
    REQUIRE(admin.login("admin", fixture.admin_password) == 200);
    const auto [made_editor, editor_account] =
        admin.send("POST", "/api/users", {{"name", "sato"}, {"role", "editor"}});
    const auto [made_approver, approver_account] =
        admin.send("POST", "/api/users", {{"name", "tanaka"}, {"role", "approver"}});
    REQUIRE(made_editor == 201);
    REQUIRE(made_approver == 201);
    Browser editor(fixture.port);
    Browser approver(fixture.port);
    REQUIRE(editor.login("sato", editor_account["password"]) == 200);
    REQUIRE(approver.login("tanaka", approver_account["password"]) == 200);

    // The bundled content is approved on import: the first publish is version 1.
    REQUIRE(approver.send("POST", "/api/publish", nlohmann::json::object()).first == 200);
    CHECK(std::filesystem::exists(fixture.data / "publish" / "feed.json"));

    auto [created, draft] =
        editor.send("POST", "/api/items", {{"playlist", "notices"}, {"type", "notice"}});
    REQUIRE(created == 201);
    const std::string id = draft["item"]["id"];
    // Unfinished: saved, but not submitted.
    CHECK(editor.send("POST", "/api/items/" + id + "/submit", nlohmann::json::object()).first ==
          422);
    nlohmann::json item = draft["item"];
    item["title"]["ja"] = "年末年始の窓口";
    item["body"]["ja"] = "12月29日から1月3日まで窓口を休みます。";
    const auto [saved, after_save] =
        editor.send("PUT", "/api/items/" + id, {{"item", item}, {"revision", 1}});
    REQUIRE(saved == 200);
    CHECK(editor.send("POST", "/api/items/" + id + "/submit", nlohmann::json::object()).first ==
          200);
    CHECK(editor.send("POST", "/api/items/" + id + "/approve", nlohmann::json::object()).first ==
          403);
    CHECK(approver.send("POST", "/api/items/" + id + "/reject", {{"reason", " "}}).first == 400);
    CHECK(approver.send("POST", "/api/items/" + id + "/approve", nlohmann::json::object()).first ==
          200);
    CHECK(editor.send("POST", "/api/publish", nlohmann::json::object()).first == 403);
    const auto [published, version] =
        approver.send("POST", "/api/publish", nlohmann::json::object());
    REQUIRE(published == 200);
    CHECK(version["version"]["id"] == 2);
    CHECK(version["version"]["summary"]["ja"].get<std::string>().find("年末年始の窓口") !=
          std::string::npos);
    const std::string feed = storage::read_file(fixture.data / "publish" / "feed.json").value();

    const auto [disabled, off] =
        editor.send("POST", "/api/items/" + id + "/disable", nlohmann::json::object());
    REQUIRE(disabled == 200);
    CHECK(off["version"]["id"] == 3);
    CHECK(storage::read_file(fixture.data / "publish" / "feed.json").value() != feed);
    CHECK(approver.get("/api/versions").second["versions"].size() == 3);
    CHECK(approver.send("POST", "/api/versions/2/rollback", nlohmann::json::object()).first == 200);
}

TEST_CASE("studio: a flood of requests without a session is refused and the studio serves on") {
    StudioFixture fixture("flood");
    Browser anonymous(fixture.port);
    int refused = 0;
    for (int i = 0; i < 2000; ++i) {
        refused += anonymous.get("/api/playlists").first == 401 ? 1 : 0;
    }
    CHECK(refused == 2000);
    Browser admin(fixture.port);
    CHECK(admin.login("admin", fixture.admin_password) == 200);
}
