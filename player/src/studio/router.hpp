#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "model/error.hpp"
#include "studio/sessions.hpp"
#include "studio/studio.hpp"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace keiji::studio {

// One request as a handler sees it: who (the session), from where, when, and its JSON body.
struct Call {
    Studio& studio;
    const httplib::Request& request;
    httplib::Response& response;
    std::optional<Session> session;  // Always set on signed-in routes.
    std::string address;
    model::TimePoint now;  // The studio's clock, read once per request.
    nlohmann::json body;   // The JSON body of a POST or PUT (an empty object without one).

    [[nodiscard]] std::string now_text() const { return iso_time(now); }
    [[nodiscard]] const User& user() const { return session->user; }
    // The path's n-th pattern group ("/api/items/([^/]+)" → the id).
    [[nodiscard]] std::string match(std::size_t n) const;

    void send_json(int status, const nlohmann::json& body);
    // {"error": {"en", "ja"}} with the error's own HTTP status, else `otherwise`; a refusal
    // (4xx) is logged with the address and who.
    void send_error(const model::Error& error, int otherwise = 400);
    void send_bytes(std::string bytes, std::string_view media_type);
    // The file's bytes, read in pieces as they are sent (with the ranges a browser asks for);
    // 404 when it cannot be opened.
    void send_file(const std::filesystem::path& path, std::string_view media_type);
    // Records what was done in the audit log.
    void audit(std::string_view action, std::string_view target, std::string_view detail = {});
    // True when the user has one of `roles`; otherwise answers 403 and returns false.
    [[nodiscard]] bool allow(std::initializer_list<Role> roles);
};

using Handler = std::function<void(Call&)>;

// The session token in a request's cookie, or empty.
[[nodiscard]] std::string session_token(const httplib::Request& request);

// True when the request's cookie names a session that is still valid (the CSRF token is not
// looked at: this is for refusing early what the route would refuse anyway).
[[nodiscard]] bool has_live_session(Studio& studio, const httplib::Request& request);

enum class Access {
    anyone,     // The login page, its assets, the login itself.
    signed_in,  // A session; and for POST, PUT and DELETE the CSRF token.
};

// Puts handlers on an httplib::Server behind the studio's checks: a session for every route
// but the public ones (401, or a redirect to /login for a page), the CSRF token on every change
// (403), a JSON body that parses (400), and the security headers on every answer. The routes it
// adds hold the studio and their handler themselves: the Router may go once they are added.
class Router {
public:
    Router(httplib::Server& server, Studio& studio);

    void get(const std::string& pattern, Access access, Handler handler);
    void post(const std::string& pattern, Access access, Handler handler);
    void put(const std::string& pattern, Access access, Handler handler);

private:
    httplib::Server& m_server;
    Studio& m_studio;
};

}  // namespace keiji::studio
