#include "studio/alert_desk.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "alert/desk.hpp"
#include "alert/fleet_watch.hpp"
#include "alert/mqtt_publish.hpp"
#include "studio/studio.hpp"
#include "studio/workflow.hpp"

namespace keiji::studio {

namespace {

constexpr std::string_view message_columns =
    "identifier, sequence, msg_type, status, template, form_json, envelope, issued_by, "
    "issued_at, expires_at, delivery_json";

AlertMessage message_of(const SqlRow& row) {
    return AlertMessage{.identifier = row.text(0),
                        .sequence = row.integer(1),
                        .message_type = row.text(2),
                        .status = row.text(3),
                        .template_id = row.text(4),
                        .form = nlohmann::json::parse(row.text(5), nullptr, false),
                        .envelope = row.text(6),
                        .issued_by = row.text(7),
                        .issued_at = row.text(8),
                        .expires_at = row.text(9),
                        .delivery = nlohmann::json::parse(row.text(10), nullptr, false)};
}

const AlertTemplate* find_template(std::string_view id) {
    const auto& templates = alert_templates();
    const auto found = std::ranges::find(templates, id, &AlertTemplate::id);
    return found == templates.end() ? nullptr : &*found;
}

nlohmann::json form_json(const AlertForm& form) {
    nlohmann::json area = nlohmann::json::object();
    for (const auto& [language, text] : form.area.all()) {
        area[language] = text;
    }
    return {{"template", form.template_id},
            {"area", area},
            {"shelters", form.shelters},
            {"status", form.status},
            {"hours", form.hours}};
}

}  // namespace

nlohmann::json to_json(const AlertMessage& message) {
    return {{"identifier", message.identifier}, {"sequence", message.sequence},
            {"msgType", message.message_type},  {"status", message.status},
            {"template", message.template_id},  {"form", message.form},
            {"issued_by", message.issued_by},   {"issued_at", message.issued_at},
            {"expires", message.expires_at},    {"delivery", message.delivery}};
}

model::Result<std::vector<DeskShelter>> AlertDesk::shelters() {
    const auto rows = KEIJI_TRY(
        m_database.query("SELECT id, name_json, address_json FROM shelters ORDER BY position"));
    nlohmann::json list = nlohmann::json::array();
    for (const SqlRow& row : rows) {
        list.push_back({{"id", row.text(0)},
                        {"name", nlohmann::json::parse(row.text(1), nullptr, false)},
                        {"address", nlohmann::json::parse(row.text(2), nullptr, false)}});
    }
    return shelters_from_json(list);
}

model::Result<void> AlertDesk::replace_shelters(const std::vector<DeskShelter>& shelters) {
    return m_database.transaction([&]() -> model::Result<void> {
        KEIJI_TRY(m_database.execute("DELETE FROM shelters"));
        for (std::size_t index = 0; index < shelters.size(); ++index) {
            const nlohmann::json entry = to_json(shelters[index]);
            KEIJI_TRY(
                m_database.execute("INSERT INTO shelters (id, name_json, address_json, position) "
                                   "VALUES (?1, ?2, ?3, ?4)",
                                   {entry["id"].get<std::string>(), entry["name"].dump(),
                                    entry["address"].dump(), std::int64_t(index)}));
        }
        return {};
    });
}

model::Result<std::optional<AlertMessage>> AlertDesk::latest(const std::string& identifier) {
    const auto rows = KEIJI_TRY(m_database.query(
        fmt::format("SELECT {} FROM alert_messages WHERE identifier = ?1 ORDER BY sequence DESC "
                    "LIMIT 1",
                    message_columns),
        {identifier}));
    if (rows.empty()) {
        return std::nullopt;
    }
    return message_of(rows.front());
}

model::Result<nlohmann::json> AlertDesk::compose(const DeskRequest& request) {
    const std::scoped_lock lock(m_mutex);
    return compose_locked(request);
}

model::Result<nlohmann::json> AlertDesk::compose_locked(const DeskRequest& request) {
    const AlertTemplate* chosen = find_template(request.form.template_id);
    if (chosen == nullptr) {
        return model::failure(http_error(400, "choose what happened (a template)",
                                         "何が起きたか(テンプレート)を選んでください"));
    }
    AlertNumbering numbering{.sender = fmt::format("{}@keiji-studio", request.user),
                             .sent = request.now};
    if (request.update_of.empty()) {
        const date::zoned_seconds local(&m_zone,
                                        std::chrono::floor<std::chrono::seconds>(request.now));
        const std::string stem =
            fmt::format("studio-{}-{}", date::format("%Y%m%d-%H%M%S", local), chosen->id);
        numbering.identifier = stem;
        for (int n = 2; KEIJI_TRY(latest(numbering.identifier)).has_value(); ++n) {
            numbering.identifier = fmt::format("{}-{}", stem, n);
        }
    } else {
        const auto last = KEIJI_TRY(latest(request.update_of));
        if (!last || last->message_type == "Cancel") {
            return model::failure(http_error(
                404, fmt::format("there is no alert {} in force to update", request.update_of),
                fmt::format("更新する警報 {} は出ていません", request.update_of)));
        }
        numbering.identifier = request.update_of;
        numbering.sequence = last->sequence + 1;
        numbering.message_type = "Update";
    }
    const std::vector<DeskShelter> known = KEIJI_TRY(shelters());
    return compose_alert(*chosen, request.form, known, numbering, m_zone);
}

model::Result<AlertMessage> AlertDesk::issue(const DeskRequest& request) {
    if (request.form.status == "Actual" && !request.actual_confirmed) {
        return model::failure(http_error(
            409,
            "an Actual alert needs a second confirmation: every screen will tell people to act",
            "「実際の災害」の警報は、もう一度確認してから送ってください。すべての画面で、見た人が"
            "行動します"));
    }
    const std::scoped_lock lock(m_mutex);
    const nlohmann::json payload = KEIJI_TRY(compose_locked(request));
    return sign_and_deliver(payload, request.form.template_id, form_json(request.form),
                            request.user, request.now);
}

model::Result<AlertMessage> AlertDesk::cancel(const std::string& identifier,
                                              const std::string& user, model::TimePoint now) {
    const std::scoped_lock lock(m_mutex);
    const auto last = KEIJI_TRY(latest(identifier));
    if (!last || last->message_type == "Cancel") {
        return model::failure(
            http_error(404, fmt::format("there is no alert {} in force to cancel", identifier),
                       fmt::format("取り消す警報 {} は出ていません", identifier)));
    }
    const auto sent = std::chrono::floor<std::chrono::seconds>(now);
    // A Cancel must outlive its own sending; the screens drop it once the alert is gone anyway.
    const auto last_expires = model::parse_timestamp(last->expires_at).value_or(sent);
    const auto expires = std::max(last_expires, model::TimePoint(sent + std::chrono::hours(1)));
    const nlohmann::json payload = {
        {"identifier", identifier},
        {"sender", fmt::format("{}@keiji-studio", user)},
        {"sent", date::format("%FT%TZ", sent)},
        {"status", last->status},
        {"msgType", "Cancel"},
        {"scope", "Public"},
        {"references", {identifier}},
        {"expires", date::format("%FT%TZ", std::chrono::floor<std::chrono::seconds>(expires))},
        {"sequence", last->sequence + 1},
    };
    return sign_and_deliver(payload, last->template_id, last->form, user, now);
}

model::Result<AlertMessage> AlertDesk::sign_and_deliver(const nlohmann::json& payload,
                                                        const std::string& template_id,
                                                        const nlohmann::json& form,
                                                        const std::string& user,
                                                        model::TimePoint now) {
    auto signed_envelope = alert::sign_alert(payload.dump(2), "alert desk", m_key);
    if (!signed_envelope) {
        // The composer made something a screen would refuse: a fault of ours, not the office's.
        return model::failure(std::move(signed_envelope.error().front())
                                  .context("the desk composed an alert screens would refuse",
                                           "画面が受け付けない警報を作ってしまいました"));
    }
    const std::string envelope = alert::to_json(*signed_envelope);
    nlohmann::json delivery = {{"folder", "sent"}, {"mqtt", "not configured"}};
    std::error_code ignored;
    std::filesystem::create_directories(m_delivery.folder, ignored);
    if (auto written = alert::publish_to_folder(m_delivery.folder, envelope); !written) {
        delivery["folder"] = written.error().text();
    }
    if (m_delivery.broker) {
        const auto sent = alert::publish_retained(*m_delivery.broker, m_delivery.topic, envelope);
        delivery["mqtt"] = sent ? "sent" : sent.error().text();
    }
    if (delivery["folder"] != "sent" && delivery["mqtt"] != "sent") {
        return model::failure(http_error(
            502,
            fmt::format("the alert reached no screen: folder: {}; broker: {}",
                        delivery["folder"].get<std::string>(), delivery["mqtt"].get<std::string>()),
            fmt::format("警報はどの画面にも届いていません。フォルダ:{} / ブローカー:{}",
                        delivery["folder"].get<std::string>(),
                        delivery["mqtt"].get<std::string>())));
    }
    const AlertMessage message{.identifier = payload["identifier"],
                               .sequence = payload["sequence"],
                               .message_type = payload["msgType"],
                               .status = payload["status"],
                               .template_id = template_id,
                               .form = form,
                               .envelope = envelope,
                               .issued_by = user,
                               .issued_at = iso_time(now),
                               .expires_at = payload["expires"],
                               .delivery = delivery};
    KEIJI_TRY(m_database.execute(
        fmt::format("INSERT INTO alert_messages ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                    "?10, ?11)",
                    message_columns),
        {message.identifier, std::int64_t(message.sequence), message.message_type, message.status,
         message.template_id, message.form.dump(), message.envelope, message.issued_by,
         message.issued_at, message.expires_at, message.delivery.dump()}));
    return message;
}

model::Result<nlohmann::json> AlertDesk::fleet(model::TimePoint now) {
    if (!m_delivery.broker) {
        return model::failure(http_error(
            409, "the studio has no MQTT broker (keiji studio --mqtt ...): screens report there",
            "スタジオに MQTT ブローカーが設定されていません(keiji studio --mqtt …)。画面の様子は"
            "ブローカーを通して届きます"));
    }
    const std::scoped_lock lock(m_fleet_mutex);
    if (m_fleet && now - m_fleet->first < std::chrono::seconds(5)) {
        return m_fleet->second;
    }
    const auto snapshot = alert::read_fleet(*m_delivery.broker, "keiji/screens", m_delivery.topic,
                                            std::chrono::milliseconds(1500));
    if (!snapshot) {
        return model::failure(http_error(
            502,
            fmt::format("cannot read the screens from the broker: {}", snapshot.error().text()),
            fmt::format("ブローカーから画面の様子を読めません:{}", snapshot.error().text())));
    }
    m_fleet.emplace(now, alert::to_json(*snapshot));
    return m_fleet->second;
}

model::Result<std::vector<AlertMessage>> AlertDesk::messages(int limit) {
    const auto rows = KEIJI_TRY(m_database.query(
        fmt::format("SELECT {} FROM alert_messages ORDER BY id DESC LIMIT ?1", message_columns),
        {std::int64_t(limit)}));
    std::vector<AlertMessage> list;
    for (const SqlRow& row : rows) {
        list.push_back(message_of(row));
    }
    return list;
}

model::Result<std::vector<AlertMessage>> AlertDesk::in_force(model::TimePoint now) {
    const auto rows = KEIJI_TRY(m_database.query(fmt::format(
        "SELECT {} FROM alert_messages AS m WHERE sequence = (SELECT MAX(sequence) FROM "
        "alert_messages WHERE identifier = m.identifier) ORDER BY id DESC",
        message_columns)));
    std::vector<AlertMessage> list;
    for (const SqlRow& row : rows) {
        AlertMessage message = message_of(row);
        const auto expires = model::parse_timestamp(message.expires_at);
        if (message.message_type != "Cancel" && expires && *expires > now) {
            list.push_back(std::move(message));
        }
    }
    return list;
}

}  // namespace keiji::studio
