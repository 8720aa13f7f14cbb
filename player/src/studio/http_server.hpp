#pragma once

#include <memory>
#include <string>

#include "model/error.hpp"
#include "studio/studio.hpp"

namespace httplib {
class Server;
}

namespace keiji::studio {

// The studio on HTTP: cpp-httplib's server with the routes of routes.hpp behind the Router's
// checks, bodies limited in size, slow clients timed out.
class HttpServer {
public:
    explicit HttpServer(Studio& studio);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds `host`:`port` (0: a free port); returns the port. Errors: the address is taken.
    [[nodiscard]] model::Result<int> bind(const std::string& host, int port);
    // Serves until stop() (from another thread or a signal handler's thread).
    [[nodiscard]] model::Result<void> serve();
    void stop();

private:
    Studio& m_studio;
    std::unique_ptr<httplib::Server> m_server;
};

}  // namespace keiji::studio
