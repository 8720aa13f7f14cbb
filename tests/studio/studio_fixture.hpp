#pragma once

// A studio on a free port of 127.0.0.1 with a data folder of its own, started with the bundled
// playlists, and a client that signs in as a browser would (cookie and CSRF token).
#include <doctest/doctest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "studio/http_server.hpp"
#include "studio/studio.hpp"
#include "test_paths.hpp"

namespace keiji::test {

struct StudioFixture {
    std::filesystem::path data;
    std::string admin_password;
    std::unique_ptr<studio::Studio> studio;
    std::unique_ptr<studio::HttpServer> server;
    std::thread thread;
    int port = 0;

    explicit StudioFixture(const std::string& name) {
        data = std::filesystem::temp_directory_path() /
               ("keiji-studio-test-" + name + "-" + std::to_string(::getpid()));
        std::filesystem::remove_all(data);
        auto opened = studio::Studio::open(
            {.port = 0, .data = data, .import_from = source_path("playlists")},
            [this](const std::string& message) {
                std::smatch found;
                if (std::regex_search(message, found, std::regex("password \"([^\"]+)\""))) {
                    admin_password = found[1];
                }
            });
        REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error().text()));
        studio = std::move(*opened);
        server = std::make_unique<studio::HttpServer>(*studio);
        port = server->bind("127.0.0.1", 0).value();
        thread = std::thread([this] { [[maybe_unused]] const auto served = server->serve(); });
        REQUIRE_FALSE(admin_password.empty());
    }
    ~StudioFixture() {
        server->stop();
        thread.join();
        server.reset();
        studio.reset();
        std::filesystem::remove_all(data);
    }
};

// A browser: keeps the session cookie and sends the CSRF token with every change.
struct Browser {
    httplib::Client client;
    std::string cookie;
    std::string csrf;

    explicit Browser(int port) : client("127.0.0.1", port) { client.set_read_timeout(60, 0); }
    httplib::Headers headers(bool with_csrf = true) const {
        httplib::Headers list;
        if (!cookie.empty()) {
            list.emplace("Cookie", cookie);
        }
        if (with_csrf && !csrf.empty()) {
            list.emplace("X-CSRF-Token", csrf);
        }
        return list;
    }
    int login(const std::string& name, const std::string& password) {
        const nlohmann::json body = {{"name", name}, {"password", password}};
        auto result = client.Post("/api/login", body.dump(), "application/json");
        REQUIRE(result);
        if (result->status == 200) {
            const std::string set_cookie = result->get_header_value("Set-Cookie");
            cookie = set_cookie.substr(0, set_cookie.find(';'));
            csrf = nlohmann::json::parse(result->body)["csrf"];
        }
        return result->status;
    }
    std::pair<int, nlohmann::json> get(const std::string& path) {
        auto result = client.Get(path, headers());
        REQUIRE(result);
        return {result->status, nlohmann::json::parse(result->body, nullptr, false)};
    }
    std::pair<int, nlohmann::json> send(const std::string& method, const std::string& path,
                                        const nlohmann::json& body, bool with_csrf = true) {
        auto result = method == "PUT"
                          ? client.Put(path, headers(with_csrf), body.dump(), "application/json")
                          : client.Post(path, headers(with_csrf), body.dump(), "application/json");
        REQUIRE(result);
        return {result->status, nlohmann::json::parse(result->body, nullptr, false)};
    }
};

// Signed in as a new colleague with `role`, made by `admin`.
inline Browser colleague(StudioFixture& fixture, Browser& admin, const std::string& name,
                         const std::string& role) {
    const auto [made, account] = admin.send("POST", "/api/users", {{"name", name}, {"role", role}});
    REQUIRE(made == 201);
    Browser browser(fixture.port);
    REQUIRE(browser.login(name, account["password"]) == 200);
    return browser;
}

}  // namespace keiji::test
