#include "studio/http_server.hpp"

#include <fmt/format.h>
#include <httplib.h>

#include "kiosk/log.hpp"
#include "studio/routes.hpp"

namespace keiji::studio {

namespace {

model::Message refusal_of(int status) {
    switch (status) {
        case 404:
            return {"there is no such address", "そのアドレスはありません"};
        case 413:
            return {"the request is too big (a picture may have 20 MB, a film 512 MB)",
                    "リクエストが大きすぎます(画像は 20 MB、動画は 512 MB まで)"};
        case 400:
            return {"the request is malformed (a form or upload that cannot be read)",
                    "リクエストの形式が正しくありません(フォームやアップロードを読み取れません)"};
        default:
            return {fmt::format("the request was refused ({})", status),
                    fmt::format("リクエストは受け付けられませんでした({})", status)};
    }
}

void refused_before_routing(const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) {
        return;
    }
    const model::Message message = refusal_of(response.status);
    if (response.status != 404) {
        kiosk::log(kiosk::Priority::notice, "studio",
                   fmt::format("refused {} {} from {}: {}", request.method, request.path,
                               request.remote_addr, message.en));
    }
    if (request.path.starts_with("/api/")) {
        response.set_content(
            nlohmann::json{{"error", {{"en", message.en}, {"ja", message.ja}}}}.dump(),
            "application/json; charset=utf-8");
    }
}

// Every body but an upload's is small: a JSON form, a login. Only a signed-in upload may send
// more, and it is told before a byte of it is read; anything else larger, or of a length it
// does not say (chunked: browsers never send it), is refused here, so that nobody without a
// session can make the studio hold half a gigabyte.
constexpr std::size_t small_body = std::size_t(Uploads::max_picture_bytes) + (1 << 20);

httplib::Server::HandlerResponse guard_large_bodies(Studio& studio, const httplib::Request& request,
                                                    httplib::Response& response) {
    const bool chunked =
        request.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos;
    const std::size_t length = request.get_header_value<std::uint64_t>("Content-Length");
    if (!chunked && length <= small_body) {
        return httplib::Server::HandlerResponse::Unhandled;
    }
    const bool upload = request.method == "POST" && request.path == "/api/uploads";
    if (upload && !chunked && has_live_session(studio, request)) {
        return httplib::Server::HandlerResponse::Unhandled;
    }
    response.status = upload && !chunked ? 401 : 413;
    // The body is not read: the connection cannot carry another request.
    response.set_header("Connection", "close");
    const model::Message message = response.status == 401
                                       ? model::Message{"sign in first", "ログインしてください"}
                                       : refusal_of(413);
    kiosk::log(kiosk::Priority::notice, "studio",
               fmt::format("refused {} {} from {} ({} bytes{}) before reading it: {}",
                           request.method, request.path, request.remote_addr, length,
                           chunked ? ", chunked" : "", message.en));
    response.set_content(nlohmann::json{{"error", {{"en", message.en}, {"ja", message.ja}}}}.dump(),
                         "application/json; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
}

}  // namespace

HttpServer::HttpServer(Studio& studio)
    : m_studio(studio), m_server(std::make_unique<httplib::Server>()) {
    // A film may have 512 MB, a picture 20 MB, anything else 21 MB (guard_large_bodies); a
    // larger body is refused before it is read (413).
    m_server->set_payload_max_length(std::size_t(Uploads::max_film_bytes) + (1 << 20));
    m_server->set_pre_routing_handler(
        [&studio = m_studio](const httplib::Request& request, httplib::Response& response) {
            return guard_large_bodies(studio, request, response);
        });
    m_server->set_read_timeout(10, 0);
    m_server->set_write_timeout(30, 0);
    m_server->set_keep_alive_max_count(100);
    // Called for every answer of 400 or more. The router's own refusals carry a body and are
    // logged already; the rest were refused by the HTTP layer before any route ran (an unknown
    // address, a body over the limit, a form that cannot be parsed): they are logged here and
    // given a body that says which it was.
    m_server->set_error_handler(refused_before_routing);
    Router router(*m_server, m_studio);
    add_session_routes(router);
    add_content_routes(router);
    add_media_routes(router);
    add_publish_routes(router);
    add_admin_routes(router);
    add_screen_routes(router);
    add_alert_routes(router);
}

HttpServer::~HttpServer() {
    stop();
}

model::Result<int> HttpServer::bind(const std::string& host, int port) {
    const int bound = port == 0 ? m_server->bind_to_any_port(host)
                                : (m_server->bind_to_port(host, port) ? port : -1);
    if (bound < 0) {
        return model::failure(
            fmt::format("cannot listen on {}:{} (is another program using it?)", host, port),
            fmt::format("{}:{} で待ち受けできません(他のプログラムが使っていませんか)", host,
                        port));
    }
    return bound;
}

model::Result<void> HttpServer::serve() {
    if (!m_server->listen_after_bind()) {
        return model::failure("the studio's server stopped with an error");
    }
    return {};
}

void HttpServer::stop() {
    if (m_server->is_running()) {
        m_server->stop();
    }
}

}  // namespace keiji::studio
