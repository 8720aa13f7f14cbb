#include "studio/router.hpp"

#include <fmt/format.h>
#include <httplib.h>
#include <sodium.h>

#include <array>
#include <fstream>
#include <memory>

#include "kiosk/log.hpp"
#include "studio/workflow.hpp"

namespace keiji::studio {

namespace {

constexpr const char* session_cookie = "keiji_session";

// The value of cookie `name` in a Cookie header ("a=1; keiji_session=…").
std::string cookie_value(const std::string& header, std::string_view name) {
    std::size_t at = 0;
    while (at < header.size()) {
        const std::size_t end = std::min(header.find(';', at), header.size());
        std::string_view pair = std::string_view(header).substr(at, end - at);
        while (!pair.empty() && pair.front() == ' ') {
            pair.remove_prefix(1);
        }
        if (pair.starts_with(name) && pair.size() > name.size() && pair[name.size()] == '=') {
            return std::string(pair.substr(name.size() + 1));
        }
        at = end + 1;
    }
    return {};
}

bool same_token(const std::string& a, const std::string& b) {
    return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool is_page(const httplib::Request& request) {
    return request.method == "GET" && !request.path.starts_with("/api/");
}

void serve(Studio& studio, const httplib::Request& request, httplib::Response& response,
           Access access, const Handler& handler);

}  // namespace

std::string session_token(const httplib::Request& request) {
    return cookie_value(request.get_header_value("Cookie"), session_cookie);
}

bool has_live_session(Studio& studio, const httplib::Request& request) {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto session =
        studio.sessions().find(session_token(request), now.time_since_epoch().count());
    return session && *session;
}

std::string Call::match(std::size_t n) const {
    return n < request.matches.size() ? request.matches[n].str() : std::string();
}

void Call::send_json(int status, const nlohmann::json& json) {
    response.status = status;
    // Replaced, not thrown: text from people or files never stops an answer.
    response.set_content(json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                         "application/json; charset=utf-8");
}

void Call::send_error(const model::Error& error, int otherwise) {
    const int status = status_of(error, otherwise);
    if (status >= 400 && status < 500) {
        kiosk::log(kiosk::Priority::notice, "studio",
                   fmt::format("refused {} {} from {} ({}): {}", request.method, request.path,
                               address, session ? session->user.name : "no session", error.text()));
    } else {
        kiosk::log(kiosk::Priority::error, "studio",
                   fmt::format("{} {} failed: {}", request.method, request.path, error.text()));
    }
    send_json(status, {{"error", {{"en", error.text("en")}, {"ja", error.text("ja")}}}});
}

void Call::send_bytes(std::string bytes, std::string_view media_type) {
    response.status = 200;
    response.set_content(std::move(bytes), std::string(media_type));
}

void Call::send_file(const std::filesystem::path& path, std::string_view media_type) {
    auto file = std::make_shared<std::ifstream>(path, std::ios::binary);
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (!*file || error) {
        send_error(http_error(404, "the file is not there any more", "ファイルがありません"));
        return;
    }
    // No status here: the server answers 206 with the piece when a range was asked for.
    response.set_content_provider(
        std::size_t(size), std::string(media_type),
        [file](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            std::array<char, 64 * 1024> buffer{};
            file->clear();
            file->seekg(std::streamoff(offset));
            const auto wanted = std::streamsize(std::min(length, buffer.size()));
            file->read(buffer.data(), wanted);
            const std::streamsize got = file->gcount();
            return got > 0 && sink.write(buffer.data(), std::size_t(got));
        });
}

void Call::audit(std::string_view action, std::string_view target, std::string_view detail) {
    const AuditEntry entry{.at = now_text(),
                           .user = session ? session->user.name : std::string("-"),
                           .address = address,
                           .action = std::string(action),
                           .target = std::string(target),
                           .detail = std::string(detail)};
    if (auto written = studio.audit().append(entry); !written) {
        kiosk::log(kiosk::Priority::error, "studio",
                   "cannot write the audit log: " + written.error().text());
    }
}

bool Call::allow(std::initializer_list<Role> roles) {
    for (const Role role : roles) {
        if (session && session->user.role == role) {
            return true;
        }
    }
    send_error(http_error(403, "your role does not allow this", "この操作の権限がありません"));
    return false;
}

Router::Router(httplib::Server& server, Studio& studio) : m_server(server), m_studio(studio) {
    m_server.set_post_routing_handler(
        [](const httplib::Request& request, httplib::Response& response) {
            // Nothing from elsewhere, nothing inline, never in a frame; no caching of data.
            response.set_header("Content-Security-Policy",
                                "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; "
                                "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
                                "base-uri 'none'; form-action 'self'");
            response.set_header("X-Content-Type-Options", "nosniff");
            response.set_header("X-Frame-Options", "DENY");
            response.set_header("Referrer-Policy", "no-referrer");
            if (request.path.starts_with("/api/")) {
                response.set_header("Cache-Control", "no-store");
            }
        });
}

void Router::get(const std::string& pattern, Access access, Handler handler) {
    m_server.Get(pattern, [&studio = m_studio, access, handler = std::move(handler)](
                              const httplib::Request& request, httplib::Response& response) {
        serve(studio, request, response, access, handler);
    });
}

void Router::post(const std::string& pattern, Access access, Handler handler) {
    m_server.Post(pattern, [&studio = m_studio, access, handler = std::move(handler)](
                               const httplib::Request& request, httplib::Response& response) {
        serve(studio, request, response, access, handler);
    });
}

void Router::put(const std::string& pattern, Access access, Handler handler) {
    m_server.Put(pattern, [&studio = m_studio, access, handler = std::move(handler)](
                              const httplib::Request& request, httplib::Response& response) {
        serve(studio, request, response, access, handler);
    });
}

namespace {

// nlohmann's words without its "[json.exception.type_error.302] " code.
std::string plain(const nlohmann::json::exception& problem) {
    const std::string_view text = problem.what();
    const std::size_t end = text.find("] ");
    return std::string(end == std::string_view::npos ? text : text.substr(end + 2));
}

void serve(Studio& studio, const httplib::Request& request, httplib::Response& response,
           Access access, const Handler& handler) {
    Call call{.studio = studio,
              .request = request,
              .response = response,
              .address = request.remote_addr,
              .now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()),
              .body = nlohmann::json::object()};
    // Behind nginx on this machine, the browser's address is what nginx says it is.
    if (studio.settings().behind_proxy && request.has_header("X-Real-IP") &&
        (request.remote_addr == "127.0.0.1" || request.remote_addr == "::1")) {
        call.address = request.get_header_value("X-Real-IP");
    }
    const bool changes = request.method != "GET" && request.method != "HEAD";
    if (access == Access::signed_in) {
        const std::string token = session_token(request);
        auto session = studio.sessions().find(
            token,
            std::chrono::duration_cast<std::chrono::seconds>(call.now.time_since_epoch()).count());
        if (!session) {
            call.send_error(session.error(), 500);
            return;
        }
        if (!*session) {
            if (is_page(request)) {
                response.status = 303;
                response.set_header("Location", "/login");
                return;
            }
            call.send_error(http_error(401, "sign in first", "ログインしてください"));
            return;
        }
        call.session = std::move(*session);
        if (changes &&
            !same_token(request.get_header_value("X-CSRF-Token"), call.session->csrf_token)) {
            call.send_error(http_error(403,
                                       "the request lacks this page's CSRF token; reload "
                                       "the page",
                                       "ページの確認用トークンがありません。再読み込みしてくだ"
                                       "さい"));
            return;
        }
    }
    if (changes && !request.body.empty() && !request.is_multipart_form_data()) {
        call.body = nlohmann::json::parse(request.body, nullptr, false);
        if (call.body.is_discarded() || !call.body.is_object()) {
            call.send_error(http_error(400, "the request is not a JSON object",
                                       "リクエストが JSON のオブジェクトではありません"));
            return;
        }
    }
    try {
        handler(call);
    } catch (const nlohmann::json::type_error& wrong) {
        // A member of the request that is not what the route reads (a number for a name, a
        // string for a revision): the asker's mistake, said as such, not a 500.
        call.send_error(http_error(
            400, fmt::format("a value in the request is of the wrong type ({})", plain(wrong)),
            "リクエストの値の型が正しくありません（文字列のところに数値など）"));
    } catch (const nlohmann::json::out_of_range& missing) {
        call.send_error(http_error(
            400, fmt::format("a value the request needs is missing ({})", plain(missing)),
            "リクエストに必要な値がありません"));
    }
}

}  // namespace

}  // namespace keiji::studio
