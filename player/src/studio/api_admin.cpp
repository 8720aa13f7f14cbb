// Users, the audit log and the studio's settings: the administrator's pages.
#include <fmt/format.h>
#include <httplib.h>

#include <charconv>

#include "studio/routes.hpp"

namespace keiji::studio {

namespace {

void users(Call& call) {
    if (!call.allow({Role::admin})) {
        return;
    }
    send_list(call, call.studio.accounts().list(), "users",
              [](const User& user) { return to_json(user); });
}

void add_user(Call& call) {
    if (!call.allow({Role::admin})) {
        return;
    }
    const auto role = parse_role(call.body.value("role", ""));
    if (!role) {
        call.send_error(http_error(400, "the role is editor, approver, admin or bousai",
                                   "役割は editor・approver・admin・bousai のいずれかです"));
        return;
    }
    const User user{.name = call.body.value("name", ""),
                    .display_name = call.body.value("display_name", ""),
                    .role = *role};
    const std::string password = new_password();
    const auto created = call.studio.accounts().create(user, password, call.now_text());
    if (!created) {
        call.send_error(created.error());
        return;
    }
    call.audit("user.add", created->name, std::string(to_string(created->role)));
    call.send_json(201, {{"user", to_json(*created)}, {"password", password}});
}

void change_user(Call& call, std::string_view change) {
    if (!call.allow({Role::admin})) {
        return;
    }
    const std::string name = call.match(1);
    if (change != "password" && name == call.user().name) {
        call.send_error(http_error(409, "you cannot disable yourself", "自分自身は停止できません"));
        return;
    }
    nlohmann::json answer = nlohmann::json::object();
    model::Result<void> done;
    if (change == "password") {
        const std::string password = new_password();
        done = call.studio.accounts().set_password(name, password);
        answer["password"] = password;
    } else {
        done = call.studio.accounts().set_disabled(name, change == "disable");
    }
    if (!done) {
        call.send_error(done.error());
        return;
    }
    call.audit(fmt::format("user.{}", change), name);
    call.send_json(200, answer);
}

void audit_page(Call& call) {
    if (!call.allow({Role::admin})) {
        return;
    }
    std::optional<std::int64_t> before;
    if (call.request.has_param("before")) {
        const std::string text = call.request.get_param_value("before");
        std::int64_t value = 0;
        if (std::from_chars(text.data(), text.data() + text.size(), value).ec == std::errc()) {
            before = value;
        }
    }
    const auto entries = call.studio.audit().page(before);
    if (!entries) {
        call.send_error(entries.error(), 500);
        return;
    }
    nlohmann::json list = nlohmann::json::array();
    for (const AuditEntry& entry : *entries) {
        list.push_back({{"id", entry.id},
                        {"at", entry.at},
                        {"user", entry.user},
                        {"address", entry.address},
                        {"action", entry.action},
                        {"target", entry.target},
                        {"detail", entry.detail}});
    }
    call.send_json(200, {{"entries", std::move(list)}});
}

void audit_csv(Call& call) {
    if (!call.allow({Role::admin})) {
        return;
    }
    auto csv = call.studio.audit().csv();
    if (!csv) {
        call.send_error(csv.error(), 500);
        return;
    }
    call.audit("audit.export", "audit.csv");
    call.response.set_header("Content-Disposition",
                             "attachment; filename=\"keiji-studio-audit.csv\"");
    call.send_bytes(std::move(*csv), "text/csv; charset=utf-8");
}

void settings(Call& call) {
    if (!call.allow({Role::admin})) {
        return;
    }
    if (call.request.method == "PUT") {
        const bool required = call.body.value("approval_required", true);
        if (auto set = call.studio.set_approval_required(required); !set) {
            call.send_error(set.error(), 500);
            return;
        }
        call.audit("settings.approval_required", required ? "on" : "off");
    }
    const auto rules = call.studio.rules();
    call.send_json(200, {{"approval_required", !rules || rules->approval_required}});
}

}  // namespace

void add_admin_routes(Router& router) {
    router.get("/api/users", Access::signed_in, users);
    router.post("/api/users", Access::signed_in, add_user);
    for (const char* change : {"disable", "enable", "password"}) {
        router.post(fmt::format(R"(/api/users/([A-Za-z0-9._-]+)/{})", change), Access::signed_in,
                    [change](Call& call) { change_user(call, change); });
    }
    router.get("/api/audit", Access::signed_in, audit_page);
    router.get("/api/audit.csv", Access::signed_in, audit_csv);
    router.get("/api/settings", Access::signed_in, settings);
    router.put("/api/settings", Access::signed_in, settings);
}

}  // namespace keiji::studio
