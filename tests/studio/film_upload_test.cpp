// Films in the studio: uploaded and checked as a screen opens them, served to the page's
// player in pieces, carried into the published feed; and what is not a film, or is too big
// to read, refused for what it is.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>

#include "media/test_videos.hpp"
#include "storage/file_io.hpp"
#include "studio_fixture.hpp"

using namespace keiji;
using test::Browser;
using test::StudioFixture;

namespace {

std::pair<int, nlohmann::json> upload(Browser& browser, const std::string& name,
                                      const std::string& bytes) {
    httplib::MultipartFormDataItems items = {{"file", bytes, name, "video/mp4"}};
    auto result = browser.client.Post("/api/uploads", browser.headers(), items);
    REQUIRE(result);
    return {result->status, nlohmann::json::parse(result->body, nullptr, false)};
}

// Sends only the head of a request (its line and `headers`) and returns what the server
// answers within 3 s, or "" when it answers nothing (it waits for the body).
std::string answer_to_head(int port, const std::string& line, const std::string& headers) {
    const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(socket >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(std::uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(socket, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    const std::string head = line + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
    REQUIRE(::send(socket, head.data(), head.size(), MSG_NOSIGNAL) == ssize_t(head.size()));
    pollfd wait{.fd = socket, .events = POLLIN, .revents = 0};
    std::string answer;
    if (::poll(&wait, 1, 3000) == 1) {
        std::array<char, 4096> buffer{};
        const ssize_t got = ::recv(socket, buffer.data(), buffer.size(), 0);
        answer.assign(buffer.data(), std::size_t(std::max<ssize_t>(got, 0)));
    }
    ::close(socket);
    return answer;
}

std::string admin_cookie(const Browser& browser) {
    return "Cookie: " + browser.cookie + "\r\n";
}

std::string film_bytes() {
    return storage::read_file(test::small_h264(2)).value();
}

}  // namespace

TEST_CASE("studio: a film is uploaded, checked, played in the page, and published with its item") {
    StudioFixture fixture("film");
    Browser admin(fixture.port);
    REQUIRE(admin.login("admin", fixture.admin_password) == 200);
    const std::string bytes = film_bytes();
    const auto [status, film] = upload(admin, "shotengai-pr.mp4", bytes);
    REQUIRE(status == 201);
    CHECK(film["kind"] == "film");
    const std::string path = film["path"];
    CHECK(path.starts_with("films/"));
    CHECK(path.ends_with(".mp4"));
    CHECK(film["media_type"] == "video/mp4");
    CHECK(film["width"] == 320);
    CHECK(film["height"] == 180);
    CHECK(film["seconds"].get<double>() == doctest::Approx(2.0).epsilon(0.05));
    // What plays badly would be here: this film plays well.
    CHECK(film["problems"] == nlohmann::json::array());

    // The page's <video> asks for pieces of it.
    const std::string sha = path.substr(6, 64);
    httplib::Headers range = admin.headers();
    range.emplace("Range", "bytes=100-1123");
    auto piece = admin.client.Get("/api/uploads/" + sha, range);
    REQUIRE(piece);
    CHECK(piece->status == 206);
    CHECK(piece->body == bytes.substr(100, 1024));
    CHECK(piece->get_header_value("Content-Type") == "video/mp4");
    auto whole = admin.client.Get("/api/uploads/" + sha, admin.headers());
    REQUIRE(whole);
    CHECK(whole->body == bytes);
    Browser anonymous(fixture.port);
    CHECK(anonymous.get("/api/uploads/" + sha).first == 401);

    // A video item: first without its film (the form says to upload one), then with it.
    auto [created, draft] =
        admin.send("POST", "/api/items", {{"playlist", "notices"}, {"type", "video"}});
    REQUIRE(created == 201);
    const std::string id = draft["item"]["id"];
    CHECK(admin.get("/api/items/" + id).second["problems"].dump().find("アップロード") !=
          std::string::npos);
    nlohmann::json item = draft["item"];
    item["title"]["ja"] = "麻布十番商店街 PR 映像";
    item["caption"]["ja"] = "商店街PR映像コンテスト 最優秀作品";
    item["video"] = path;
    item["play"] = "to_end";
    const auto [saved, after] =
        admin.send("PUT", "/api/items/" + id, {{"item", item}, {"revision", 1}});
    REQUIRE(saved == 200);
    for (const auto& problem : after["problems"]) {
        CHECK_MESSAGE(problem["severity"] != "error", problem.dump());
    }
    REQUIRE(admin.send("POST", "/api/items/" + id + "/submit", nlohmann::json::object()).first ==
            200);
    const auto [made, account] =
        admin.send("POST", "/api/users", {{"name", "tanaka"}, {"role", "approver"}});
    REQUIRE(made == 201);
    Browser approver(fixture.port);
    REQUIRE(approver.login("tanaka", account["password"]) == 200);
    REQUIRE(
        approver.send("POST", "/api/items/" + id + "/approve", nlohmann::json::object()).first ==
        200);
    REQUIRE(approver.send("POST", "/api/publish", nlohmann::json::object()).first == 200);

    // The feed carries the film as an asset the screens fetch and check.
    const std::filesystem::path published = fixture.data / "publish";
    CHECK(storage::read_file(published / path).value() == bytes);
    const auto feed = nlohmann::json::parse(storage::read_file(published / "feed.json").value());
    bool listed = false;
    for (const auto& asset : feed["assets"]) {
        if (asset["url"] == path) {
            listed = true;
            CHECK(asset["bytes"] == bytes.size());
            CHECK(asset["sha256"] == sha);
        }
    }
    CHECK(listed);
}

TEST_CASE("studio: what is not a film a screen plays is refused, and a big body unread") {
    StudioFixture fixture("not-film");
    Browser admin(fixture.port);
    REQUIRE(admin.login("admin", fixture.admin_password) == 200);
    const std::string bytes = film_bytes();

    // Cut short: the first picture cannot be read.
    auto [cut, cut_answer] = upload(admin, "cut.mp4", bytes.substr(0, bytes.size() / 3));
    CHECK(cut == 415);
    CHECK(cut_answer["error"]["ja"].get<std::string>().find(
              "「cut.mp4」は画面で再生できない動画です") != std::string::npos);
    // Larger than any kiosk decodes.
    const std::string wide = test::test_video(
        "h264-4096x2304.mp4",
        "-f lavfi -i testsrc2=size=4096x2304:rate=30:duration=0.2 -c:v libx264 -preset "
        "ultrafast -pix_fmt yuv420p");
    auto [too_wide, wide_answer] = upload(admin, "wide.mp4", storage::read_file(wide).value());
    CHECK(too_wide == 400);
    CHECK(wide_answer["error"]["en"].get<std::string>().find("4096") != std::string::npos);
    CHECK(wide_answer["error"]["en"].get<std::string>().find("ffmpeg") != std::string::npos);

    // A big body goes only to an upload with a session; anything else is answered from its
    // head alone, before a byte of the body is sent (were it read, the answer would wait for
    // the body until the server's read timeout).
    const std::string big = "Content-Length: 31457280\r\nContent-Type: application/json\r\n";
    CHECK(answer_to_head(fixture.port, "POST /api/login", big).starts_with("HTTP/1.1 413"));
    CHECK(answer_to_head(fixture.port, "POST /api/items", big).starts_with("HTTP/1.1 413"));
    CHECK(answer_to_head(fixture.port, "POST /api/uploads", big).starts_with("HTTP/1.1 401"));
    CHECK(answer_to_head(fixture.port, "POST /api/uploads",
                         big + "Cookie: keiji_session=" + std::string(43, 'A') + "\r\n")
              .starts_with("HTTP/1.1 401"));
    CHECK(answer_to_head(fixture.port, "POST /api/login",
                         "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n")
              .starts_with("HTTP/1.1 413"));
    // A signed-in upload of that size is let through: the server waits for its body.
    CHECK(answer_to_head(fixture.port, "POST /api/uploads", big + admin_cookie(admin)).empty());
    // And the studio serves on.
    CHECK(admin.get("/api/me").first == 200);
    const auto [again, film] = upload(admin, "film.mp4", bytes);
    CHECK(again == 201);
}
