// The disaster office's desk (role bousai): templates, the shelter list, the takeover preview in
// every language, and issuing, updating and cancelling signed alerts.
#include <fmt/format.h>
#include <httplib.h>

#include <atomic>
#include <memory>

#include "alert/screen_snapshot.hpp"
#include "studio/routes.hpp"

namespace keiji::studio {

namespace {

// Who may look at the desk, and who may act on it: only the disaster office sends alerts.
bool may_see_desk(Call& call) {
    return call.allow({Role::bousai, Role::admin});
}
bool may_use_desk(Call& call) {
    return call.allow({Role::bousai});
}

// The request of the desk's form: what to compose, and whether it continues an incident.
std::optional<DeskRequest> desk_request(Call& call) {
    auto form = alert_form_from_json(call.body);
    if (!form) {
        call.send_error(form.error());
        return std::nullopt;
    }
    return DeskRequest{.form = std::move(*form),
                       .update_of = call.body.value("update_of", ""),
                       .actual_confirmed = call.body.value("confirm_actual", false),
                       .user = call.user().name,
                       .now = call.now};
}

void templates(Call& call) {
    if (!may_see_desk(call)) {
        return;
    }
    nlohmann::json list = nlohmann::json::array();
    for (const AlertTemplate& alert_template : alert_templates()) {
        list.push_back(to_json(alert_template));
    }
    const DeskDelivery& delivery = call.studio.desk().delivery();
    call.send_json(200, {{"templates", list},
                         {"languages", desk_languages},
                         {"broker", delivery.broker ? nlohmann::json(delivery.topic) : nullptr}});
}

void list_shelters(Call& call) {
    if (!may_see_desk(call)) {
        return;
    }
    send_list(call, call.studio.desk().shelters(), "shelters",
              [](const DeskShelter& shelter) { return to_json(shelter); });
}

void save_shelters(Call& call) {
    if (!may_use_desk(call)) {
        return;
    }
    const auto shelters = shelters_from_json(call.body.value("shelters", nlohmann::json()));
    if (!shelters) {
        call.send_error(shelters.error());
        return;
    }
    if (auto saved = call.studio.desk().replace_shelters(*shelters); !saved) {
        call.send_error(saved.error(), 500);
        return;
    }
    call.audit("alert.shelters", fmt::format("{} shelters", shelters->size()));
    list_shelters(call);
}

// The takeover every screen would show, in each language, drawn by the screens' own code.
void preview(Call& call) {
    if (!may_see_desk(call)) {
        return;
    }
    const auto request = desk_request(call);
    if (!request) {
        return;
    }
    const auto payload = call.studio.desk().compose(*request);
    if (!payload) {
        call.send_error(payload.error());
        return;
    }
    auto drawn = call.studio.previews()
                     .draw({.page = session_token(call.request) + "/alert-desk",
                            .frame = {1920, 1080},
                            .at = call.now,
                            .alert_payload = payload->dump()})
                     .get();
    if (!drawn) {
        if (status_of(drawn.error(), 500) == 409) {
            call.send_json(409, {{"superseded", true}});
            return;
        }
        call.send_error(drawn.error(), 500);
        return;
    }
    nlohmann::json frames = nlohmann::json::array();
    for (const PreviewService::AlertFrame& frame : drawn->alert_frames) {
        frames.push_back({{"language", frame.language},
                          {"url", fmt::format("/api/previews/{}.png", frame.id)},
                          {"problems", frame.problems}});
    }
    call.send_json(
        200, {{"payload", *payload}, {"frames", frames}, {"problems", to_json(drawn->problems)}});
}

void issue(Call& call) {
    if (!may_use_desk(call)) {
        return;
    }
    const auto request = desk_request(call);
    if (!request) {
        return;
    }
    const auto message = call.studio.desk().issue(*request);
    if (!message) {
        call.send_error(message.error(), 500);
        return;
    }
    call.audit(message->message_type == "Update" ? "alert.update" : "alert.issue",
               message->identifier,
               fmt::format("#{} {} {} folder: {}; broker: {}", message->sequence, message->status,
                           message->template_id, message->delivery["folder"].get<std::string>(),
                           message->delivery["mqtt"].get<std::string>()));
    call.send_json(201, {{"message", to_json(*message)}});
}

void cancel(Call& call) {
    if (!may_use_desk(call)) {
        return;
    }
    const auto message = call.studio.desk().cancel(call.match(1), call.user().name, call.now);
    if (!message) {
        call.send_error(message.error(), 500);
        return;
    }
    call.audit("alert.cancel", message->identifier,
               fmt::format("#{} folder: {}; broker: {}", message->sequence,
                           message->delivery["folder"].get<std::string>(),
                           message->delivery["mqtt"].get<std::string>()));
    call.send_json(201, {{"message", to_json(*message)}});
}

void alerts(Call& call) {
    if (!may_see_desk(call)) {
        return;
    }
    AlertDesk& desk = call.studio.desk();
    const auto in_force = desk.in_force(call.now);
    const auto recent = desk.messages(30);
    if (!in_force || !recent) {
        call.send_error(!in_force ? in_force.error() : recent.error(), 500);
        return;
    }
    nlohmann::json active = nlohmann::json::array();
    for (const AlertMessage& message : *in_force) {
        active.push_back(to_json(message));
    }
    nlohmann::json history = nlohmann::json::array();
    for (const AlertMessage& message : *recent) {
        history.push_back(to_json(message));
    }
    call.send_json(200, {{"in_force", active}, {"recent", history}});
}

// Every screen and, for the alert on the topic, which confirmed it: for the desk's fleet view.
void fleet(Call& call) {
    if (!may_see_desk(call)) {
        return;
    }
    auto view = call.studio.desk().fleet(call.now);
    if (!view) {
        call.send_error(view.error(), 500);
        return;
    }
    call.send_json(200, *view);
}

// A look at what one screen shows now, asked for through the broker.
void snapshot(Call& call) {
    if (!may_see_desk(call)) {
        return;
    }
    const DeskDelivery& delivery = call.studio.desk().delivery();
    if (!delivery.broker) {
        call.send_error(http_error(409, "the studio has no MQTT broker (keiji studio --mqtt ...)",
                                   "スタジオに MQTT ブローカーが設定されていません"));
        return;
    }
    // A look holds one of the studio's few workers until the screen answers (up to 8 s): at
    // most two at once, so that a burst of clicks cannot stall the desk for everyone.
    static std::atomic<int> looking{0};
    if (looking.fetch_add(1) >= 2) {
        looking.fetch_sub(1);
        call.send_error(http_error(429,
                                   "two screens are being looked at already; try again in "
                                   "a few seconds",
                                   "ほかの画面の表示を確認中です。数秒後にもう一度お試しください"));
        return;
    }
    const std::unique_ptr<std::atomic<int>,
                          decltype([](std::atomic<int>* count) { count->fetch_sub(1); })>
        done_looking(&looking);
    const auto picture = alert::request_snapshot(*delivery.broker, "keiji/screens", call.match(1),
                                                 std::chrono::seconds(8));
    if (!picture) {
        call.send_error(http_error(504, picture.error().text("en"), picture.error().text("ja")));
        return;
    }
    call.response.set_header("Cache-Control", "no-store");
    call.response.set_header("X-Taken-At", iso_time(picture->taken_at));
    call.send_bytes(picture->jpeg, "image/jpeg");
}

}  // namespace

void add_alert_routes(Router& router) {
    router.get("/api/alerts", Access::signed_in, alerts);
    router.post("/api/alerts", Access::signed_in, issue);
    router.get("/api/fleet", Access::signed_in, fleet);
    router.get(R"(/api/fleet/([A-Za-z0-9_.-]{1,64})/snapshot\.jpg)", Access::signed_in, snapshot);
    router.get("/api/alerts/templates", Access::signed_in, templates);
    router.get("/api/alerts/shelters", Access::signed_in, list_shelters);
    router.put("/api/alerts/shelters", Access::signed_in, save_shelters);
    router.post("/api/alerts/preview", Access::signed_in, preview);
    router.post(R"(/api/alerts/([A-Za-z0-9_.-]+)/cancel)", Access::signed_in, cancel);
}

}  // namespace keiji::studio
