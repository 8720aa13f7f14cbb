// Signing in and out, who is signed in, and the pages.
#include <fmt/format.h>
#include <httplib.h>

#include "storage/file_io.hpp"
#include "studio/routes.hpp"
#include "studio/web_assets.hpp"

namespace keiji::studio {

namespace {

std::string cookie(const Studio& studio, const std::string& token, int max_age) {
    return fmt::format("keiji_session={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}", token,
                       max_age, studio.settings().behind_proxy ? "; Secure" : "");
}

// A file of the pages: from --web when given (for work on the pages), else built in.
std::optional<std::string> page_file(const Studio& studio, const std::string& path) {
    if (!studio.settings().web_root.empty()) {
        if (path.find("..") != std::string::npos) {
            return std::nullopt;
        }
        auto bytes = storage::read_file(studio.settings().web_root / path.substr(1));
        return bytes ? std::optional(std::move(*bytes)) : std::nullopt;
    }
    for (const WebAsset& asset : web_assets()) {
        if (asset.path == path) {
            return std::string(asset.bytes);
        }
    }
    return std::nullopt;
}

void serve_file(Call& call, const std::string& path) {
    auto bytes = page_file(call.studio, path);
    if (!bytes) {
        call.send_error(http_error(404, "no such page", "そのページはありません"));
        return;
    }
    call.send_bytes(std::move(*bytes), media_type_of(path));
}

std::chrono::steady_clock::time_point monotonic_now() {
    return std::chrono::steady_clock::now();
}

void login(Call& call) {
    const std::string name = call.body.value("name", "");
    const std::string password = call.body.value("password", "");
    const std::string account_key = "account:" + name;
    const std::string address_key = "address:" + call.address;
    std::chrono::seconds wait{0};
    {
        const std::scoped_lock lock(call.studio.logins_mutex());
        wait = std::max(call.studio.logins().wait_before(account_key, monotonic_now()),
                        call.studio.logins().wait_before(address_key, monotonic_now()));
    }
    if (wait.count() > 0) {
        call.response.set_header("Retry-After", std::to_string(wait.count()));
        call.audit("login.refused", name, "too many failed attempts");
        call.send_error(
            http_error(429,
                       fmt::format("too many failed sign-ins: try again in {} minutes",
                                   (wait.count() + 59) / 60),
                       fmt::format("ログインの失敗が続いたため、{} 分後にもう一度お試しください",
                                   (wait.count() + 59) / 60)));
        return;
    }
    const auto user = call.studio.accounts().verify(name, password);
    if (!user) {
        call.send_error(user.error(), 500);
        return;
    }
    if (!*user) {
        {
            const std::scoped_lock lock(call.studio.logins_mutex());
            call.studio.logins().failed(account_key, monotonic_now());
            call.studio.logins().failed(address_key, monotonic_now());
        }
        call.audit("login.failed", name);
        call.send_error(http_error(401, "the name or the password is wrong",
                                   "ログイン名かパスワードが違います"));
        return;
    }
    {
        const std::scoped_lock lock(call.studio.logins_mutex());
        call.studio.logins().succeeded(account_key);
        call.studio.logins().succeeded(address_key);
    }
    const auto started = call.studio.sessions().start(
        name, call.address,
        std::chrono::duration_cast<std::chrono::seconds>(call.now.time_since_epoch()).count());
    if (!started) {
        call.send_error(started.error(), 500);
        return;
    }
    call.session = Session{.user = **user, .csrf_token = started->csrf_token};
    call.audit("login", name);
    call.response.set_header("Set-Cookie", cookie(call.studio, started->token, 12 * 3600));
    call.send_json(200, {{"user", to_json(**user)}, {"csrf", started->csrf_token}});
}

}  // namespace

void add_session_routes(Router& router) {
    router.get("/login", Access::anyone, [](Call& call) { serve_file(call, "/login.html"); });
    router.get(R"(/assets/([A-Za-z0-9_./-]+))", Access::anyone,
               [](Call& call) { serve_file(call, "/assets/" + call.match(1)); });
    router.get("/", Access::signed_in, [](Call& call) { serve_file(call, "/index.html"); });
    router.post("/api/login", Access::anyone, login);
    router.post("/api/logout", Access::signed_in, [](Call& call) {
        call.audit("logout", call.user().name);
        if (auto ended = call.studio.sessions().end(session_token(call.request)); !ended) {
            call.send_error(ended.error(), 500);
            return;
        }
        call.response.set_header("Set-Cookie", cookie(call.studio, "", 0));
        call.send_json(200, nlohmann::json::object());
    });
    router.get("/api/me", Access::signed_in, [](Call& call) {
        const auto rules = call.studio.rules();
        call.send_json(200, {{"user", to_json(call.user())},
                             {"csrf", call.session->csrf_token},
                             {"approval_required", !rules || rules->approval_required}});
    });
}

nlohmann::json to_json(const User& user) {
    return {{"name", user.name},
            {"display_name", user.display_name},
            {"role", to_string(user.role)},
            {"disabled", user.disabled}};
}

nlohmann::json to_json(const model::Error& problem) {
    return {{"severity", problem.severity == model::Severity::error ? "error" : "warning"},
            {"pointer", problem.where.pointer},
            {"line", problem.where.line},
            {"column", problem.where.column},
            {"message", {{"en", problem.text("en")}, {"ja", problem.text("ja")}}}};
}

nlohmann::json to_json(const model::Errors& problems) {
    nlohmann::json list = nlohmann::json::array();
    for (const model::Error& problem : problems) {
        list.push_back(to_json(problem));
    }
    return list;
}

nlohmann::json to_json(const ItemRecord& item) {
    const nlohmann::json& shown = item.draft;
    return {{"id", item.id},
            {"playlist", item.playlist},
            {"type", shown.value("type", "")},
            {"title", shown.value("title", nlohmann::json())},
            {"state", to_string(item.state)},
            {"enabled", item.enabled},
            {"reason", item.reason},
            {"updated_by", item.updated_by},
            {"updated_at", item.updated_at},
            {"revision", item.revision},
            {"published", item.live.has_value()}};
}

}  // namespace keiji::studio
